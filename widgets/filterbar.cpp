#include "filterbar.h"
#include "ui_filterbar.h"

#include <QAction>
#include <QMenu>
#include <QTimer>

#include <algorithm>

#include "domain/kindregistry.h"

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::FilterBar>())
    , m_debounce(new QTimer(this))
{
    m_ui->setupUi(this);
    for (QComboBox *combo : { m_ui->tenantCombo, m_ui->kindCombo, m_ui->presetCombo }) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(10);
    }
    for (QLineEdit *edit : { m_ui->entityEdit, m_ui->createdByEdit })
        edit->setMinimumWidth(90);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &FilterBar::filtersChanged);

    m_ui->kindCombo->addItem(tr("All kinds"), QString());
    for (const KindInfo &kind : KindRegistry::all())
        m_ui->kindCombo->addItem(kind.displayNameText(), kind.id);
    m_ui->typesButton->setMenu(new QMenu(m_ui->typesButton));
    rebuildTypes();

    const QList<std::pair<QString, Preset>> presets { { tr("Any time"), Preset::AnyTime },
        { tr("Last 24 hours"), Preset::Last24Hours }, { tr("Last 7 days"), Preset::Last7Days },
        { tr("Last 30 days"), Preset::Last30Days }, { tr("Last 90 days"), Preset::Last90Days },
        { tr("This month"), Preset::ThisMonth }, { tr("Last month"), Preset::LastMonth },
        { tr("Custom range"), Preset::Custom } };
    for (const auto &[text, preset] : presets)
        m_ui->presetCombo->addItem(text, int(preset));
    const QDateTime now = QDateTime::currentDateTime();
    m_ui->fromEdit->setDateTime(now.addDays(-7));
    m_ui->toEdit->setDateTime(now);
    m_ui->fromEdit->setEnabled(false);
    m_ui->toEdit->setEnabled(false);
    setTenants({}, QString());

    connect(m_ui->tenantCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_quiet)
            Q_EMIT tenantChanged(tenant());
    });
    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, [this] {
        rebuildTypes();
        changedNow();
    });
    connect(m_ui->presetCombo, &QComboBox::currentIndexChanged, this, [this] {
        const auto preset = Preset(m_ui->presetCombo->currentData().toInt());
        const bool custom = preset == Preset::Custom;
        m_ui->fromEdit->setEnabled(custom);
        m_ui->toEdit->setEnabled(custom);
        if (!custom && preset != Preset::AnyTime) {
            // Show what the preset means; the query computes it afresh each time it runs.
            const TimeRange range = presetRange(preset, QDateTime::currentDateTime());
            m_quiet = true;
            m_ui->fromEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(*range.from));
            m_ui->toEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(*range.to));
            m_quiet = false;
        }
        changedNow();
    });
    for (QDateTimeEdit *edit : { m_ui->fromEdit, m_ui->toEdit })
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, [this] {
            if (!m_quiet)
                m_debounce->start();
        });
    for (QLineEdit *edit : { m_ui->entityEdit, m_ui->createdByEdit }) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            if (!m_quiet)
                m_debounce->start();
        });
        connect(edit, &QLineEdit::returnPressed, this, &FilterBar::changedNow);
    }
    connect(m_ui->clearButton, &QPushButton::clicked, this, &FilterBar::clearFilters);
}

FilterBar::~FilterBar() = default;

void FilterBar::setTenants(const QList<Tenant> &tenants, const QString &current)
{
    m_quiet = true;
    m_ui->tenantCombo->clear();
    for (const Tenant &t : tenants)
        m_ui->tenantCombo->addItem(t.name.isEmpty() ? t.id : QStringLiteral("%1 (%2)").arg(t.name, t.id), t.id);
    m_ui->tenantCombo->setCurrentIndex(std::max(0, m_ui->tenantCombo->findData(current)));
    m_quiet = false;
    // One tenant needs no choice.
    m_ui->tenantCombo->setVisible(tenants.size() > 1);
    m_ui->tenantLabel->setVisible(tenants.size() > 1);
}

QString FilterBar::tenant() const
{
    return m_ui->tenantCombo->currentData().toString();
}

void FilterBar::setKind(const QString &kind)
{
    const int index = m_ui->kindCombo->findData(kind);
    if (index >= 0 && index != m_ui->kindCombo->currentIndex())
        m_ui->kindCombo->setCurrentIndex(index); // emits filtersChanged at once
}

QString FilterBar::kind() const
{
    return m_ui->kindCombo->currentData().toString();
}

SnapshotQuery FilterBar::applyTo(SnapshotQuery query) const
{
    query.kind = kind();
    query.types.clear();
    for (const QAction *type : m_ui->typesButton->menu()->actions()) {
        if (type->isChecked())
            query.types << type->data().toString();
    }
    const auto preset = Preset(m_ui->presetCombo->currentData().toInt());
    if (preset == Preset::Custom)
        query.takenAt
            = { m_ui->fromEdit->dateTime().toMSecsSinceEpoch(), m_ui->toEdit->dateTime().toMSecsSinceEpoch() };
    else
        query.takenAt = presetRange(preset, QDateTime::currentDateTime());
    query.createdBy = m_ui->createdByEdit->text().trimmed();
    query.entityPrefix = m_ui->entityEdit->text().trimmed();
    return query;
}

void FilterBar::setPreset(Preset preset)
{
    m_ui->presetCombo->setCurrentIndex(m_ui->presetCombo->findData(int(preset)));
}

void FilterBar::setCustomRange(const QDateTime &from, const QDateTime &to)
{
    m_quiet = true;
    m_ui->presetCombo->setCurrentIndex(m_ui->presetCombo->findData(int(Preset::Custom)));
    m_ui->fromEdit->setDateTime(from);
    m_ui->toEdit->setDateTime(to);
    m_quiet = false;
    changedNow();
}

void FilterBar::focusFilter()
{
    m_ui->entityEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->entityEdit->selectAll();
}

void FilterBar::clearFilters()
{
    m_quiet = true;
    m_ui->kindCombo->setCurrentIndex(0);
    rebuildTypes();
    m_ui->presetCombo->setCurrentIndex(0);
    m_ui->entityEdit->clear();
    m_ui->createdByEdit->clear();
    m_quiet = false;
    changedNow();
}

TimeRange FilterBar::presetRange(Preset preset, const QDateTime &now)
{
    const QDate today = now.date();
    const auto startOf = [](QDate date) { return QDateTime(date, QTime(0, 0)).toMSecsSinceEpoch(); };
    const EpochMs at = now.toMSecsSinceEpoch();
    constexpr EpochMs Day = 24 * 3600 * 1000LL;
    switch (preset) {
    case Preset::Last24Hours:
        return { at - Day, at + 1 };
    case Preset::Last7Days:
        return { at - 7 * Day, at + 1 };
    case Preset::Last30Days:
        return { at - 30 * Day, at + 1 };
    case Preset::Last90Days:
        return { at - 90 * Day, at + 1 };
    case Preset::ThisMonth: {
        const QDate first(today.year(), today.month(), 1);
        return { startOf(first), startOf(first.addMonths(1)) };
    }
    case Preset::LastMonth: {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-1);
        return { startOf(first), startOf(first.addMonths(1)) };
    }
    case Preset::AnyTime:
    case Preset::Custom:
        break;
    }
    return {};
}

void FilterBar::rebuildTypes()
{
    QMenu *menu = m_ui->typesButton->menu();
    menu->clear();
    QStringList types;
    if (const KindInfo *info = KindRegistry::find(kind())) {
        types = info->types;
    } else {
        for (const KindInfo &k : KindRegistry::all())
            types += k.types;
        types.removeDuplicates();
        types.sort();
    }
    for (const QString &type : std::as_const(types)) {
        QAction *action = menu->addAction(type);
        action->setCheckable(true);
        action->setData(type);
        connect(action, &QAction::toggled, this, [this] {
            updateTypesText();
            changedNow();
        });
    }
    updateTypesText();
}

void FilterBar::updateTypesText()
{
    QStringList checked;
    for (const QAction *type : m_ui->typesButton->menu()->actions()) {
        if (type->isChecked())
            checked << type->text();
    }
    m_ui->typesButton->setText(checked.isEmpty() ? tr("All types")
            : checked.size() <= 2                ? checked.join(QStringLiteral(", "))
                                                 : tr("%1 types").arg(checked.size()));
}

void FilterBar::changedNow()
{
    if (m_quiet)
        return;
    m_debounce->stop();
    Q_EMIT filtersChanged();
}
