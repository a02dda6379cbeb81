#include "trainingexportdialog.h"

#include <QPushButton>

#include "domain/kindregistry.h"
#include "ui_trainingexportdialog.h"

TrainingExportDialog::TrainingExportDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TrainingExportDialog>())
{
    m_ui->setupUi(this);
    const TrainingExport::Options defaults;
    if (const KindDefinition *chat = KindRegistry::find(QStringLiteral("chat"))) {
        for (const QString &type : chat->types) {
            auto *item = new QListWidgetItem(type, m_ui->typesList);
            item->setCheckState(defaults.types.contains(type) ? Qt::Checked : Qt::Unchecked);
        }
    }
    m_ui->minimumSpin->setValue(int(defaults.minSatisfaction));
    connect(m_ui->typesList, &QListWidget::itemChanged, this, [this] {
        m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(!options().types.isEmpty());
    });
}

TrainingExportDialog::~TrainingExportDialog() = default;

TrainingExport::Options TrainingExportDialog::options() const
{
    TrainingExport::Options o;
    o.types.clear();
    for (int i = 0; i < m_ui->typesList->count(); ++i) {
        if (m_ui->typesList->item(i)->checkState() == Qt::Checked)
            o.types << m_ui->typesList->item(i)->text();
    }
    o.minSatisfaction = m_ui->minimumSpin->value();
    return o;
}
