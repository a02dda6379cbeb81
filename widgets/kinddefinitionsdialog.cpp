#include "kinddefinitionsdialog.h"

#include "ui_kinddefinitionsdialog.h"

#include <QFontDatabase>
#include <QJsonDocument>
#include <QPushButton>

#include "domain/kindregistry.h"

KindDefinitionsDialog::KindDefinitionsDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::KindDefinitionsDialog>())
{
    m_ui->setupUi(this);
    m_ui->definition->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    for (const KindDefinition *kind : KindRegistry::allWithRefused()) {
        auto *item = new QListWidgetItem(kind->displayNameText(), m_ui->kinds);
        item->setData(Qt::UserRole, kind->id);
        item->setToolTip(kind->id);
    }
    m_ui->splitter->setStretchFactor(1, 3);
    connect(m_ui->kinds, &QListWidget::currentRowChanged, this, &KindDefinitionsDialog::showKind);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->kinds->setCurrentRow(0);
    resize(900, 600);
}

KindDefinitionsDialog::~KindDefinitionsDialog() = default;

void KindDefinitionsDialog::select(const QString &kind)
{
    for (int row = 0; row < m_ui->kinds->count(); ++row) {
        if (m_ui->kinds->item(row)->data(Qt::UserRole).toString() == kind)
            m_ui->kinds->setCurrentRow(row);
    }
}

void KindDefinitionsDialog::showKind(int row)
{
    const QList<const KindDefinition *> kinds = KindRegistry::allWithRefused();
    if (row < 0 || row >= kinds.size())
        return;
    const KindDefinition &kind = *kinds.at(row);
    QString text = tr("<b>%1</b> (%2) · %3")
                       .arg(kind.displayNameText().toHtmlEscaped(), kind.id,
                           kind.builtIn ? tr("built in") : tr("imported into this database"));
    if (!kind.notWorthReason.isEmpty()) {
        text += tr("<br>Not worth a snapshot: %1").arg(kind.notWorthReason.toHtmlEscaped());
    } else {
        QStringList shapes;
        for (const KindShape &shape : kind.shapes)
            shapes << (shape.source.isEmpty() ? shape.name : QStringLiteral("%1 — %2").arg(shape.name, shape.source))
                          .toHtmlEscaped();
        text += tr("<br>The entity is the %1. Shapes read, in order:<br>%2")
                    .arg(kind.entityLabelText().toHtmlEscaped(), shapes.join(QStringLiteral("<br>")));
    }
    m_ui->summary->setText(text);
    m_ui->definition->setPlainText(QString::fromUtf8(QJsonDocument(kind.definition).toJson(QJsonDocument::Indented)));
}
