#pragma once

#include <QDialog>

#include <memory>

#include "items/jobtracker.h"
#include "store/connectionspec.h"

namespace Ui {
class ConnectionDialog;
}
class QPushButton;
class SnapshotStore;

// Chooses a store: an SQLite file (open or create) or a PostgreSQL database. Test connection and Open both open
// the store off the GUI thread and show what went wrong in words (wrong password, unreachable host, not a SnapScope
// database, newer schema); Open closes the dialog only on success and hands over the opened store.
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    // Recent connections, newest first (they carry no passwords).
    void setRecent(const QList<ConnectionSpec> &recent);
    void setSpec(const ConnectionSpec &spec);
    ConnectionSpec spec() const;
    // After accept(): the store that was opened.
    std::shared_ptr<SnapshotStore> takeStore() { return std::move(m_store); }
    QPushButton *testButton() const { return m_test; }

Q_SIGNALS:
    // A test or open attempt finished; ok tells whether the store opened.
    void checked(bool ok, const QString &message);

private:
    void attempt(bool openAfterwards);
    void setBusy(bool busy);

    std::unique_ptr<Ui::ConnectionDialog> m_ui;
    QPushButton *m_test;
    QList<ConnectionSpec> m_recent;
    std::shared_ptr<SnapshotStore> m_store;
    JobTracker *m_jobs = new JobTracker(this); // the connection test; an edit supersedes it
};
