#pragma once

#include <QObject>
#include <QString>

class MainWindow;

// The console's start options that open one view (--view, --entity, --case) and --screenshot: once the store's data is
// shown, opens what was asked for, waits for that view's own "shown" signal (never a guessed delay), grabs the window
// into the PNG and says how it went. Without a screenshot path it only opens the view.
class ScreenshotDriver : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QString view; // timeline (default), inventory, chat, state, or a maintenance page (maintenancePages())
        QString entityKind, entityId; // --entity
        QString caseText; // --case
        QString screenshot; // the PNG to write; empty: none
    };
    static const QStringList &maintenancePages();

    ScreenshotDriver(MainWindow &window, Request request, QObject *parent = nullptr);

Q_SIGNALS:
    // The screenshot was written (exitCode 0) or could not be, or what it shows failed to load (1).
    void finished(int exitCode);

private:
    void dataShown(bool ok);
    // Grabs once the layouts the last change asked for are done.
    void grab(bool ok);

    MainWindow &m_window;
    Request m_request;
    bool m_started = false;
};
