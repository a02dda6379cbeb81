#include "sourcedialog.h"

#include "ui_sourcedialog.h"

#include <QPushButton>
#include <QSettings>
#include <QTimeZone>

#include "ops/sync/sourcesync.h"

namespace {
const QString GeometryKey = QStringLiteral("sources/addGeometry");
}

SourceDialog::SourceDialog(const QString &tenant, const QString &zone, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SourceDialog>())
{
    m_ui->setupUi(this);
    m_ui->preset->addItem(
        tr("SAAN retail platform: order, chat, inventory and daily inventory snapshot tables"), QStringLiteral("saan"));
    m_ui->preset->addItem(tr("Event store: event_snapshots"), QStringLiteral("event-store"));
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_ui->zone->addItem(QString::fromUtf8(id));
    m_ui->zone->setCurrentText(zone);
    m_ui->tenant->setText(tenant);
    m_ui->problem->hide();
    QSettings settings;
    restoreGeometry(settings.value(GeometryKey).toByteArray());
    // What was typed last time, but never a password (there is none to keep).
    m_ui->host->setText(settings.value(QStringLiteral("sources/host"), QStringLiteral("localhost")).toString());
    m_ui->port->setValue(settings.value(QStringLiteral("sources/port"), 5432).toInt());
    m_ui->user->setText(settings.value(QStringLiteral("sources/user")).toString());
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &SourceDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SourceDialog::~SourceDialog() = default;

Result<LiveSource> SourceDialog::source() const
{
    // libpq's quoting, only where a value needs it.
    const auto quote = [](const QString &value) -> QString {
        if (!value.isEmpty() && !value.contains(u' ') && !value.contains(u'\'') && !value.contains(u'\\'))
            return value;
        return u'\'' + QString(value).replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"))
            + u'\'';
    };
    if (m_ui->database->text().trimmed().isEmpty())
        return Error { Error::Code::Invalid, tr("Name the source's database.") };
    QString conninfo = QStringLiteral("host=%1 port=%2 dbname=%3")
                           .arg(quote(m_ui->host->text().trimmed()))
                           .arg(m_ui->port->value())
                           .arg(quote(m_ui->database->text().trimmed()));
    if (!m_ui->user->text().trimmed().isEmpty())
        conninfo += QStringLiteral(" user=") + quote(m_ui->user->text().trimmed());
    return SourceSync::define(m_ui->name->text().trimmed(), m_ui->preset->currentData().toString(), conninfo,
        m_ui->tenant->text().trimmed(), m_ui->zone->currentText().trimmed(), m_ui->overlap->value() * 60);
}

void SourceDialog::showProblem(const QString &problem)
{
    m_ui->problem->setText(problem);
    m_ui->problem->setVisible(!problem.isEmpty());
    setBusy(false);
}

void SourceDialog::setBusy(bool busy)
{
    // While the source is checked the form cannot be closed: its answer comes back to it.
    m_busy = busy;
    m_ui->buttons->setEnabled(!busy);
    if (busy)
        m_ui->problem->setText(tr("Connecting to the source and checking its tables…"));
    m_ui->problem->setVisible(busy || !m_ui->problem->text().isEmpty());
}

void SourceDialog::accept()
{
    auto defined = source();
    if (!defined) {
        showProblem(defined.error().message);
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("sources/host"), m_ui->host->text().trimmed());
    settings.setValue(QStringLiteral("sources/port"), m_ui->port->value());
    settings.setValue(QStringLiteral("sources/user"), m_ui->user->text().trimmed());
    setBusy(true);
    Q_EMIT submitted(*defined);
}

void SourceDialog::done(int result)
{
    if (m_busy && result != QDialog::Accepted)
        return; // Esc or the window's close button while the check runs

    QSettings().setValue(GeometryKey, saveGeometry());
    QDialog::done(result);
}
