#include "trainingexportdialog.h"

#include <QPushButton>
#include <QSettings>

#include "domain/kindregistry.h"
#include "ui_trainingexportdialog.h"

namespace {
const QString TypesKey = QStringLiteral("trainingExport/types");
const QString MinimumKey = QStringLiteral("trainingExport/minSatisfaction");
} // namespace

TrainingExportDialog::TrainingExportDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TrainingExportDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The choices of the last export, else the SAAN guide's (order_created and escalated, satisfaction 4 or more).
    const TrainingExport::Options defaults;
    QSettings settings;
    const QStringList checked = settings.value(TypesKey, defaults.types).toStringList();
    if (const KindDefinition *chat = KindRegistry::find(QStringLiteral("chat"))) {
        for (const QString &type : chat->types) {
            auto *item = new QListWidgetItem(type, m_ui->typesList);
            item->setCheckState(checked.contains(type) ? Qt::Checked : Qt::Unchecked);
        }
    }
    m_ui->minimumSpin->setValue(settings.value(MinimumKey, int(defaults.minSatisfaction)).toInt());
    connect(this, &QDialog::accepted, this, [this] {
        QSettings remembered;
        remembered.setValue(TypesKey, options().types);
        remembered.setValue(MinimumKey, m_ui->minimumSpin->value());
    });
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(!options().types.isEmpty());
    connect(m_ui->typesList, &QListWidget::itemChanged, this,
        [this] { m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(!options().types.isEmpty()); });
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
