#include "scheduleeditordialog.h"

#include "ui_scheduleeditordialog.h"

#include <QDateTime>
#include <QLocale>
#include <QPushButton>
#include <QTimeZone>

#include "domain/kindregistry.h"
#include "ops/cronexpression.h"
#include "ops/schedulerunner.h"
#include "ops/snapshottaker.h"
#include "ops/statereconstructor.h"

namespace {
enum Preset { Daily, Weekly, Monthly, Custom };
}

ScheduleEditorDialog::ScheduleEditorDialog(const Schedule &schedule, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ScheduleEditorDialog>())
    , m_original(schedule)
{
    m_ui->setupUi(this);
    m_ui->preset->addItems({ tr("Daily"), tr("Weekly"), tr("Monthly"), tr("Custom cron") });
    const QLocale locale;
    for (int d = 0; d < 7; ++d) // 0 = Monday
        m_ui->dayOfWeek->addItem(locale.dayName(d + 1));
    for (const QByteArray &zone : QTimeZone::availableTimeZoneIds())
        m_ui->zone->addItem(QString::fromUtf8(zone));
    m_ui->actionType->addItem(tr("Take snapshots"), int(ScheduleAction::Type::Snapshot));
    m_ui->actionType->addItem(tr("Clean up (the kind's stored policy)"), int(ScheduleAction::Type::Cleanup));
    m_ui->actionType->addItem(tr("Compact (the kind's snapshot strategy)"), int(ScheduleAction::Type::Compact));
    // A sync schedule (made with `schedule create --sync`) keeps its source: only when it runs is edited here.
    if (schedule.action.type == ScheduleAction::Type::Sync) {
        m_ui->actionType->addItem(
            tr("Sync live source %1").arg(schedule.action.source), int(ScheduleAction::Type::Sync));
        m_ui->actionType->setEnabled(false);
        m_ui->kind->setEnabled(false);
    }

    m_ui->name->setText(schedule.name);
    m_ui->zone->setCurrentText(schedule.timeZone);
    m_ui->enabled->setChecked(schedule.enabled);
    m_ui->actionType->setCurrentIndex(m_ui->actionType->findData(int(schedule.action.type)));
    m_ui->targets->setText(schedule.action.targets.join(QStringLiteral(", ")));
    m_ui->cron->setText(schedule.cron);
    // Recognise the presets' own forms; anything else is custom.
    const QStringList fields = schedule.cron.split(u' ', Qt::SkipEmptyParts);
    int preset = Custom;
    if (fields.size() == 5 && fields[3] == u"*") {
        bool minuteOk = false, hourOk = false;
        const int minute = fields[0].toInt(&minuteOk), hour = fields[1].toInt(&hourOk);
        if (minuteOk && hourOk) {
            m_ui->time->setTime(QTime(hour, minute));
            bool ok = false;
            if (fields[2] == u"*" && fields[4] == u"*") {
                preset = Daily;
            } else if (fields[2] == u"*" && fields[4].toInt(&ok) >= 0 && ok && fields[4].toInt() <= 6) {
                preset = Weekly;
                m_ui->dayOfWeek->setCurrentIndex((fields[4].toInt() + 6) % 7);
            } else if (fields[4] == u"*" && fields[2].toInt(&ok) >= 1 && ok) {
                preset = Monthly;
                m_ui->dayOfMonth->setValue(fields[2].toInt());
            }
        }
    }
    if (schedule.cron.isEmpty()) {
        preset = Daily;
        m_ui->time->setTime(QTime(2, 0));
    }
    m_ui->preset->setCurrentIndex(preset);

    const auto fillKinds = [this] {
        const QString current = m_ui->kind->currentData().toString();
        m_ui->kind->clear();
        const auto type = ScheduleAction::Type(m_ui->actionType->currentData().toInt());
        for (const KindDefinition *kind : KindRegistry::all()) {
            const bool fits = type == ScheduleAction::Type::Cleanup
                || (type == ScheduleAction::Type::Compact && StateReconstructor::isEventSourced(kind->id))
                || (type == ScheduleAction::Type::Snapshot && SnapshotTaker::supportedKinds().contains(kind->id));
            if (fits)
                m_ui->kind->addItem(kind->displayNameText(), kind->id);
        }
        const int index = m_ui->kind->findData(current);
        if (index >= 0)
            m_ui->kind->setCurrentIndex(index);
        m_ui->targets->setEnabled(type == ScheduleAction::Type::Snapshot);
    };
    fillKinds();
    const int kindIndex = m_ui->kind->findData(schedule.action.kind);
    if (kindIndex >= 0)
        m_ui->kind->setCurrentIndex(kindIndex);

    connect(m_ui->preset, &QComboBox::currentIndexChanged, this, &ScheduleEditorDialog::presetChanged);
    connect(m_ui->time, &QTimeEdit::timeChanged, this, &ScheduleEditorDialog::presetChanged);
    connect(m_ui->dayOfWeek, &QComboBox::currentIndexChanged, this, &ScheduleEditorDialog::presetChanged);
    connect(m_ui->dayOfMonth, &QSpinBox::valueChanged, this, &ScheduleEditorDialog::presetChanged);
    connect(m_ui->actionType, &QComboBox::currentIndexChanged, this, [this, fillKinds] {
        fillKinds();
        update();
    });
    for (QLineEdit *edit : { m_ui->name, m_ui->cron, m_ui->targets })
        connect(edit, &QLineEdit::textChanged, this, &ScheduleEditorDialog::update);
    connect(m_ui->zone, &QComboBox::currentTextChanged, this, &ScheduleEditorDialog::update);
    connect(m_ui->kind, &QComboBox::currentIndexChanged, this, &ScheduleEditorDialog::update);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setWindowTitle(schedule.createdAt > 0 ? tr("Edit schedule") : tr("New schedule"));
    presetChanged();
}

ScheduleEditorDialog::~ScheduleEditorDialog() = default;

void ScheduleEditorDialog::presetChanged()
{
    const int preset = m_ui->preset->currentIndex();
    const QTime time = m_ui->time->time();
    m_ui->time->setEnabled(preset != Custom);
    m_ui->dayOfWeek->setEnabled(preset == Weekly);
    m_ui->dayOfMonth->setEnabled(preset == Monthly);
    // A cron made from the preset is read-only and looks it: the window's background, and a hint how to write one.
    m_ui->cron->setReadOnly(preset != Custom);
    QPalette cronPalette = palette();
    if (preset != Custom)
        cronPalette.setColor(QPalette::Base, cronPalette.color(QPalette::Window));
    m_ui->cron->setPalette(cronPalette);
    m_ui->cron->setFocusPolicy(preset != Custom ? Qt::NoFocus : Qt::StrongFocus);
    m_ui->cron->setToolTip(
        preset != Custom ? tr("Made from the schedule above; choose \"Custom cron\" to write your own") : QString());
    if (preset == Daily)
        m_ui->cron->setText(CronExpression::daily(time.hour(), time.minute()));
    else if (preset == Weekly)
        m_ui->cron->setText(CronExpression::weekly(m_ui->dayOfWeek->currentIndex(), time.hour(), time.minute()));
    else if (preset == Monthly)
        m_ui->cron->setText(CronExpression::monthly(m_ui->dayOfMonth->value(), time.hour(), time.minute()));
    update();
}

Schedule ScheduleEditorDialog::schedule() const
{
    Schedule s = m_original;
    s.name = m_ui->name->text().trimmed();
    s.cron = m_ui->cron->text().simplified();
    s.timeZone = m_ui->zone->currentText().trimmed();
    s.enabled = m_ui->enabled->isChecked();
    if (s.action.type == ScheduleAction::Type::Sync)
        return s;
    s.action.type = ScheduleAction::Type(m_ui->actionType->currentData().toInt());
    s.action.kind = m_ui->kind->currentData().toString();
    s.action.targets.clear();
    for (const QString &target : m_ui->targets->text().split(u',', Qt::SkipEmptyParts))
        s.action.targets << target.trimmed();
    if (s.action.type != ScheduleAction::Type::Snapshot)
        s.action.targets = { QStringLiteral("all") };
    return s;
}

QString ScheduleEditorDialog::problem() const
{
    const Status status = ScheduleRunner::validate(schedule());
    return status ? QString() : status.error().message;
}

QStringList ScheduleEditorDialog::nextRuns() const
{
    QStringList runs;
    for (int i = 0; i < m_ui->nextRuns->count(); ++i)
        runs << m_ui->nextRuns->item(i)->text();
    return runs;
}

void ScheduleEditorDialog::update()
{
    const QString issue = problem();
    m_ui->validation->setText(issue);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(issue.isEmpty());
    m_ui->nextRuns->clear();
    const Schedule s = schedule();
    m_ui->nextLabel->setText(tr("Next 10 runs (%1):").arg(s.timeZone));
    auto cron = CronExpression::parse(s.cron);
    const QTimeZone zone(s.timeZone.toUtf8());
    if (!cron || !zone.isValid())
        return;
    const QLocale locale;
    for (const EpochMs at : cron->next(QDateTime::currentMSecsSinceEpoch(), zone, 10)) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(at, zone);
        m_ui->nextRuns->addItem(QStringLiteral("%1 %2  (%3)")
                                    .arg(locale.toString(local, QStringLiteral("ddd yyyy-MM-dd HH:mm")),
                                        local.timeZoneAbbreviation(), local.toString(Qt::ISODate)));
    }
}
