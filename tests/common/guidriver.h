#pragma once

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QEventLoop>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <memory>

#include "compareview.h"
#include "items/changelistmodel.h"
#include "items/timelinemodel.h"
#include "mainwindow.h"
#include "ops/snapshotcomparison.h"
#include "snapshotinspector.h"
#include "store/connectionspec.h"

// Drives the real console as a user does (keys, clicks, tabs, menus) for the journey and random-action tests, and
// says whether what it shows agrees with its models.
namespace GuiDriver {

// Settings of their own, emptied: no window geometry, role or language left over from another test or a user.
inline void isolateSettings(const QString &organization)
{
    QCoreApplication::setOrganizationName(organization);
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

// Answers the modal dialogs and closes the popup menus that appear while it lives, as a user would, so that no
// exec() blocks a test. Accept answers Yes/OK (an input dialog gets a reason); Reject cancels. File and other
// dialogs are always cancelled. What it answered is kept, to be asserted or printed.
class ModalCloser
{
public:
    enum class Answer { Accept, Reject };

    explicit ModalCloser(Answer answer = Answer::Reject)
        : m_answer(answer)
    {
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { closeOne(); });
        m_timer.start();
    }
    void setAnswer(Answer answer) { m_answer = answer; }
    // While paused, a test answers the dialog itself.
    void setPaused(bool paused) { paused ? m_timer.stop() : m_timer.start(); }
    // Window titles or texts of the dialogs answered, oldest first.
    const QStringList &answered() const { return m_answered; }

private:
    void closeOne()
    {
        if (QWidget *popup = QApplication::activePopupWidget()) {
            popup->close();
            return;
        }
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        if (auto *box = qobject_cast<QMessageBox *>(dialog)) {
            m_answered << box->text();
            QAbstractButton *chosen = m_answer == Answer::Reject ? box->escapeButton() : nullptr;
            for (QAbstractButton *button : box->buttons()) {
                const QMessageBox::ButtonRole role = box->buttonRole(button);
                const bool wanted = m_answer == Answer::Accept
                    ? role == QMessageBox::AcceptRole || role == QMessageBox::YesRole
                    : role == QMessageBox::RejectRole || role == QMessageBox::NoRole;
                if (!chosen && wanted)
                    chosen = button;
            }
            if (!chosen && !box->buttons().isEmpty())
                chosen = box->buttons().constFirst(); // a box with OK only
            if (chosen)
                chosen->click();
            else
                box->reject();
            return;
        }
        m_answered << dialog->windowTitle();
        if (auto *input = qobject_cast<QInputDialog *>(dialog); input && m_answer == Answer::Accept) {
            if (input->inputMode() == QInputDialog::TextInput)
                input->setTextValue(QStringLiteral("checked by an automated GUI test"));
            input->accept();
            return;
        }
        dialog->reject();
    }

    QTimer m_timer;
    Answer m_answer;
    QStringList m_answered;
};

// The main window on one store, with the widgets a user looks at.
class Console
{
public:
    MainWindow window;
    QTableView *timeline = nullptr;
    TimelineModel *rows = nullptr;
    QTabWidget *views = nullptr;
    SnapshotInspector *inspector = nullptr;
    QLabel *heading = nullptr;
    QTreeView *payload = nullptr;
    QPlainTextEdit *payloadText = nullptr;
    QStackedWidget *payloadPages = nullptr;
    QWidget *loadingLabel = nullptr;
    QToolButton *textToggle = nullptr;
    CompareView *compare = nullptr;
    QLineEdit *entityFilter = nullptr;
    QMenu *viewMenu = nullptr;

    // Shows the window and opens the store; true once its first rows and the newest snapshot are on screen.
    bool open(const ConnectionSpec &spec, QSize size = QSize(1400, 900))
    {
        window.resize(size);
        window.show();
        QApplication::setActiveWindow(&window);
        QSignalSpy shown(&window, &MainWindow::dataShown);
        window.openStore(spec, false);
        if (!QTest::qWaitForWindowActive(&window) || !shown.wait(60000) || !shown.at(0).at(0).toBool())
            return false;
        return findWidgets();
    }

    bool findWidgets()
    {
        timeline = window.findChild<QTableView *>(QStringLiteral("timelineTable"));
        rows = timeline ? qobject_cast<TimelineModel *>(timeline->model()) : nullptr;
        views = window.findChild<QTabWidget *>(QStringLiteral("views"));
        inspector = window.findChild<SnapshotInspector *>();
        compare = window.findChild<CompareView *>();
        entityFilter = window.findChild<QLineEdit *>(QStringLiteral("entityEdit"));
        viewMenu = window.findChild<QMenu *>(QStringLiteral("menuView"));
        if (!timeline || !rows || !views || !inspector || !compare || !entityFilter || !viewMenu)
            return false;
        heading = inspector->findChild<QLabel *>(QStringLiteral("headingLabel"));
        payload = inspector->findChild<QTreeView *>(QStringLiteral("treeView"));
        payloadText = inspector->findChild<QPlainTextEdit *>(QStringLiteral("textView"));
        payloadPages = inspector->findChild<QStackedWidget *>(QStringLiteral("payloadPages"));
        loadingLabel = inspector->findChild<QLabel *>(QStringLiteral("loadingLabel"));
        textToggle = inspector->findChild<QToolButton *>(QStringLiteral("textToggleButton"));
        return heading && payload && payloadText && payloadPages && loadingLabel && textToggle;
    }

    // The window is active again after a dialog closed, as a window manager makes it (the offscreen platform has
    // none: without this, the window's shortcuts would stay dead).
    bool activateAgain()
    {
        if (QApplication::activeModalWidget() || QApplication::activeWindow() == &window)
            return true;
        QApplication::setActiveWindow(&window);
        return QTest::qWaitForWindowActive(&window);
    }

    QAction *action(const char *name) const { return window.findChild<QAction *>(QString::fromLatin1(name)); }

    // A key as the user types it: to the widget that has the keyboard focus.
    void key(Qt::Key key, Qt::KeyboardModifiers modifiers = {})
    {
        QWidget *target = QApplication::focusWidget();
        QTest::keyClick(target ? target : &window, key, modifiers);
    }

    void clickRow(int row, Qt::KeyboardModifiers modifiers = {})
    {
        const QModelIndex cell = rows->index(row, int(TimelineModel::Column::Entity));
        timeline->scrollTo(cell);
        QTest::mouseClick(timeline->viewport(), Qt::LeftButton, modifiers, timeline->visualRect(cell).center());
    }

    int rowOfVersion(int version) const
    {
        for (int r = 0; r < rows->rowCount(); ++r) {
            const SnapshotHeader *h = rows->headerAt(r);
            if (h && h->version == version)
                return r;
        }
        return -1;
    }

    // A tab of the main area, chosen by clicking its tab.
    void clickTab(QWidget *page)
    {
        QTabBar *bar = views->tabBar();
        const int index = views->indexOf(page);
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(index).center());
    }
    void clickTab(int index) { clickTab(views->widget(index)); }

    // The inspector has loaded id and shows its payload (tree or text), not a loading page.
    bool inspectorShows(const QString &id) const
    {
        return !inspector->isLoading() && inspector->header() && inspector->header()->id == id
            && payloadPages->currentWidget() != loadingLabel;
    }

    // The event loop answers a ping posted now within ms milliseconds. Whatever was posted before the ping (results
    // of workers, deferred deletions) has been delivered by then.
    static bool eventLoopAnswers(int ms = 1000)
    {
        QEventLoop loop;
        bool answered = false;
        QTimer::singleShot(0, &loop, [&] {
            answered = true;
            loop.quit();
        });
        QTimer::singleShot(ms, &loop, &QEventLoop::quit);
        loop.exec();
        // Deletions asked for outside this nested loop wait for it to end: they are part of the answer.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        return answered;
    }

    // The submenus of View called Language.
    int languageMenus() const
    {
        int found = 0;
        for (QAction *a : viewMenu->actions()) {
            if (a->menu() && a->text().remove(u'&') == QStringLiteral("Language"))
                ++found;
        }
        return found;
    }

    QAction *viewMenuAction(const QString &startsWith) const
    {
        for (QAction *a : viewMenu->actions()) {
            if (a->text().remove(u'&').startsWith(startsWith))
                return a;
        }
        return nullptr;
    }

    // Nothing is being loaded, compared or laid out.
    bool isQuiet() const { return busy().isEmpty(); }
    // What is still being loaded, compared or laid out; empty when nothing is.
    QString busy() const
    {
        QStringList busy;
        if (rows->isLoading())
            busy << QStringLiteral("the timeline is reading");
        if (inspector->isLoading())
            busy << QStringLiteral("the inspector is loading %1").arg(inspector->requestedId());
        else if (inspector->header() && payloadPages->currentWidget() == loadingLabel)
            busy << QStringLiteral("the inspector shows \"%1\" for %2 v%3")
                        .arg(static_cast<QLabel *>(loadingLabel)->text(), inspector->header()->entityId)
                        .arg(inspector->header()->version);
        if (compare->isComparing())
            busy << QStringLiteral("the compare view is comparing");
        return busy.join(QStringLiteral("; "));
    }

    // Where what the console shows disagrees with its models; empty when it agrees. Meant for a quiet console.
    // inspectorFollowsTimeline: the last snapshot asked for came from the timeline (not from the case view).
    QString mismatch(bool inspectorFollowsTimeline = true) const
    {
        // The timeline's current row is what the inspector shows, with that row's entity and version.
        const QModelIndex current = timeline->selectionModel()->currentIndex();
        if (inspectorFollowsTimeline && current.isValid()) {
            const SnapshotHeader *row = rows->headerAt(current.row());
            if (row) {
                const auto &shown = inspector->header();
                if (!shown)
                    return QStringLiteral("row %1 (%2) is current but the inspector shows nothing (heading \"%3\")")
                        .arg(current.row())
                        .arg(row->id, heading->text());
                if (shown->id != row->id)
                    return QStringLiteral("row %1 is %2 v%3 (%4) but the inspector shows %5 v%6 (%7)")
                        .arg(current.row())
                        .arg(row->entityId)
                        .arg(row->version)
                        .arg(row->id, shown->entityId)
                        .arg(shown->version)
                        .arg(shown->id);
                const QString entityCell
                    = rows->index(current.row(), int(TimelineModel::Column::Entity)).data().toString();
                if (entityCell != row->entityId)
                    return QStringLiteral("row %1 shows entity \"%2\", its header says %3")
                        .arg(current.row())
                        .arg(entityCell, row->entityId);
                if (!heading->text().contains(row->entityId)
                    || !heading->text().endsWith(QStringLiteral(" %1").arg(row->version)))
                    return QStringLiteral("the inspector's heading \"%1\" is not %2 version %3")
                        .arg(heading->text(), row->entityId)
                        .arg(row->version);
            }
        }
        if (inspector->header() && payloadPages->currentWidget() == loadingLabel)
            return QStringLiteral("the inspector still shows \"%1\" for %2")
                .arg(static_cast<QLabel *>(loadingLabel)->text(), inspector->header()->id);
        // The compare view is not left saying it compares when nothing is compared; and it shows the comparison it
        // holds: its summary, one row per change, sides of equal length.
        const auto *comparePages = compare->findChild<QStackedWidget *>(QStringLiteral("pages"));
        const auto *compareMessage = compare->findChild<QLabel *>(QStringLiteral("messageLabel"));
        if (comparePages->currentWidget() == compareMessage && !compare->isComparing()
            && compareMessage->text() == QCoreApplication::translate("CompareView", "Comparing…"))
            return QStringLiteral("the compare view says \"%1\" but nothing is being compared")
                .arg(compareMessage->text());
        const auto *leftSide = compare->findChild<QPlainTextEdit *>(QStringLiteral("leftText"));
        if (comparePages->currentWidget() != compareMessage && !compare->isComparing()
            && leftSide->toPlainText() == QCoreApplication::translate("CompareView", "Laying out…"))
            return QStringLiteral("the compare sides say \"%1\" but nothing is being laid out")
                .arg(leftSide->toPlainText());
        if (const SnapshotComparison *c = compare->comparison();
            c && !compare->isComparing() && comparePages->currentWidget() != compareMessage) {
            const auto *summary = compare->findChild<QLabel *>(QStringLiteral("summaryLabel"));
            const auto *changes = compare->findChild<QTableView *>(QStringLiteral("changesTable"));
            const auto *left = compare->findChild<QPlainTextEdit *>(QStringLiteral("leftText"));
            const auto *right = compare->findChild<QPlainTextEdit *>(QStringLiteral("rightText"));
            if (summary->text() != SnapshotComparisons::summaryText(c->summary))
                return QStringLiteral("the compare summary says \"%1\", the comparison \"%2\"")
                    .arg(summary->text(), SnapshotComparisons::summaryText(c->summary));
            if (changes->model()->rowCount() != c->changes.size())
                return QStringLiteral("the change list has %1 rows for %2 changes")
                    .arg(changes->model()->rowCount())
                    .arg(c->changes.size());
            if (left->blockCount() != right->blockCount())
                return QStringLiteral("the compare sides have %1 and %2 lines")
                    .arg(left->blockCount())
                    .arg(right->blockCount());
        }
        return {};
    }
};

} // namespace GuiDriver
