#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class IntegrityPanel;
}
class ProgressTask;
class QStandardItemModel;
class SnapshotStore;

// The integrity scan: verifies payloads in the background with progress and Cancel and lists the corrupt ones with
// the reason. Nothing is repaired.
class IntegrityPanel : public QWidget
{
    Q_OBJECT
public:
    explicit IntegrityPanel(QWidget *parent = nullptr);
    ~IntegrityPanel() override;

    void setStore(std::shared_ptr<SnapshotStore> store, const QString &tenant);
    void verify();
    QStandardItemModel *corrupt() const { return m_corrupt; }

Q_SIGNALS:
    void corruptFound(const QString &id);
    void finished(qint64 checked, qint64 corrupt, bool cancelled);

private:
    std::unique_ptr<Ui::IntegrityPanel> m_ui;
    ProgressTask *m_task;
    QStandardItemModel *m_corrupt;
    std::shared_ptr<SnapshotStore> m_store;
    QString m_tenant;
};
