#pragma once

#include <QDialog>
#include <QTimer>

#include <memory>

#include "ops/ingest/snapshotingest.h"

namespace Ui {
class ImportDialog;
}
class IngestPreviewModel;
class ProgressTask;

// File → Import snapshots…: the files to read, the default tenant, the format and the zone of times without an
// offset; a preview of the first records as they would be stored and of any bad one, before anything is written;
// then the import with progress and Cancel (a cancelled import commits nothing) and its summary.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(std::shared_ptr<SnapshotStore> store, const QString &tenant, QWidget *parent = nullptr);
    ~ImportDialog() override;

    void addFiles(const QStringList &paths);
    IngestOptions options() const;
    QStringList files() const;
    IngestPreviewModel *previewModel() const { return m_preview; }
    // Starts the import (the Import button).
    void startImport();
    // Close: while an import runs, it is cancelled instead (a second Close closes).
    void reject() override;

Q_SIGNALS:
    // Snapshots were committed: the timeline and the counts are out of date.
    void imported();
    // The preview shows the records of the files and options as they are now.
    void previewed();

private:
    void schedulePreview();
    void runPreview();
    void updateButtons();

    std::unique_ptr<Ui::ImportDialog> m_ui;
    std::shared_ptr<SnapshotStore> m_store;
    QString m_tenant;
    IngestPreviewModel *m_preview;
    ProgressTask *m_task; // the import
    ProgressTask *m_previewTask;
    QPushButton *m_import;
    QTimer m_previewTimer;
};
