#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

// Runs work on a pool (the store's workers) and hands its result to apply on the context's thread. The watcher is
// the context's child: a result that arrives after the context is gone is dropped with it. (QFuture::then with a
// context object asserts in Qt 6.4 when the context dies first, so a watcher it is.)
template <typename Work, typename Apply> void runOnWorkers(QObject *context, QThreadPool *pool, Work work, Apply apply)
{
    using R = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<R>(context);
    QObject::connect(watcher, &QFutureWatcher<R>::finished, context, [watcher, apply = std::move(apply)] {
        watcher->deleteLater();
        apply(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(pool, std::move(work)));
}
