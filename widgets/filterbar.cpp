#include "filterbar.h"
#include "ui_filterbar.h"

#include <QAction>
#include <QCalendarWidget>
#include <QDateTime>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QRegularExpressionValidator>
#include <QTimer>
#include <QWidgetAction>

#include <algorithm>

#include "domain/kindregistry.h"
#include "flowlayout.h"
#include "json/isotime.h"

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::FilterBar>())
    , m_debounce(new QTimer(this))
{
    m_ui->setupUi(this);
    // The groups flow onto as many rows as the width needs: in one grid, longer Thai or Japanese labels made the
    // bar (and with it the window) wider than a 1280 px screen.
    auto *flow = new FlowLayout(this, 12, 4);
    flow->setContentsMargins(0, 0, 0, 0);
    for (QWidget *group : { m_ui->tenantGroup, m_ui->kindGroup, m_ui->entityGroup, m_ui->createdByGroup,
             m_ui->takenGroup, m_ui->rangeGroup, static_cast<QWidget *>(m_ui->clearButton) })
        flow->addWidget(group);
    for (QComboBox *combo : { m_ui->tenantCombo, m_ui->kindCombo, m_ui->presetCombo }) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(10);
    }
    for (QLineEdit *edit : { m_ui->entityEdit, m_ui->createdByEdit })
        edit->setMinimumWidth(90);
    m_ui->entityEdit->setToolTip(tr("Entity ids starting with this text, in any case"));
    m_ui->createdByEdit->setPlaceholderText(tr("contains…"));
    m_ui->createdByEdit->setToolTip(tr("Creators whose name contains this text, in any case"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &FilterBar::filtersChanged);

    m_ui->kindCombo->addItem(tr("All kinds"), QString());
    for (const KindDefinition *kind : KindRegistry::all())
        m_ui->kindCombo->addItem(kind->displayNameText(), kind->id);
    auto *typesMenu = new QMenu(m_ui->typesButton);
    typesMenu->installEventFilter(this); // ticking a type keeps the menu open
    m_ui->typesButton->setMenu(typesMenu);
    rebuildTypes();

    const QList<std::pair<QString, Preset>> presets { { tr("Any time"), Preset::AnyTime },
        { tr("Last 24 hours"), Preset::Last24Hours }, { tr("Last 7 days"), Preset::Last7Days },
        { tr("Last 30 days"), Preset::Last30Days }, { tr("Last 90 days"), Preset::Last90Days },
        { tr("This month"), Preset::ThisMonth }, { tr("Last month"), Preset::LastMonth },
        { tr("Custom range"), Preset::Custom } };
    for (const auto &[text, preset] : presets)
        m_ui->presetCombo->addItem(text, int(preset));
    // Partial input is allowed while typing; a whole date ("2026-10-01"), date and time, or a time with an offset
    // (as the CLI takes) is read on use.
    const QRegularExpression shape(QStringLiteral(
        R"(\d{0,4}(-\d{0,2}(-\d{0,2}([ T]\d{0,2}(:\d{0,2}(:\d{0,2}(\.\d{0,3})?)?([Zz]|[+-]\d{0,2}(:\d{0,2})?)?)?)?)?)?)"));
    for (QLineEdit *edit : { m_ui->fromEdit, m_ui->toEdit }) {
        edit->setValidator(new QRegularExpressionValidator(shape, edit));
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00")) + 60);
        edit->setEnabled(false);
        addCalendar(edit);
    }
    setTenants({}, QString());

    connect(m_ui->tenantCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateZone();
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
        showPresetRange();
        changedNow();
    });
    for (QLineEdit *edit : { m_ui->fromEdit, m_ui->toEdit }) {
        connect(edit, &QLineEdit::textChanged, this, [this, edit] {
            checkBound(edit);
            const std::optional<EpochMs> bound = boundOf(edit);
            if (edit->text().trimmed().isEmpty() || bound)
                m_goodBound[edit] = bound; // what a half-typed or mistyped time stands in for: the last one read
            if (!m_quiet && (edit->text().isEmpty() || bound))
                m_debounce->start();
        });
        connect(edit, &QLineEdit::returnPressed, this, &FilterBar::changedNow);
    }
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

void FilterBar::addCalendar(QLineEdit *edit)
{
    // A calendar for the mouse; its day is taken at midnight, keeping a time already typed.
    auto *menu = new QMenu(edit);
    auto *calendar = new QCalendarWidget(menu);
    auto *holder = new QWidgetAction(menu);
    holder->setDefaultWidget(calendar);
    menu->addAction(holder);
    auto *open = edit->addAction(
        QIcon::fromTheme(QStringLiteral("view-calendar"), style()->standardIcon(QStyle::SP_FileDialogDetailedView)),
        QLineEdit::TrailingPosition);
    open->setToolTip(tr("Choose a day"));
    connect(open, &QAction::triggered, this, [this, edit, menu, calendar] {
        if (const std::optional<EpochMs> bound = boundOf(edit))
            calendar->setSelectedDate(QDateTime::fromMSecsSinceEpoch(*bound, m_zone).date());
        menu->popup(edit->mapToGlobal(edit->rect().bottomRight()) - QPoint(menu->sizeHint().width(), 0));
    });
    connect(calendar, &QCalendarWidget::clicked, this, [edit, menu](QDate day) {
        const QString text = edit->text().trimmed();
        const QString time = text.size() > 11 ? text.mid(11) : QStringLiteral("00:00");
        edit->setText(day.toString(Qt::ISODate) + u' ' + time);
        menu->close();
    });
}

std::optional<EpochMs> FilterBar::boundOf(QLineEdit *edit) const
{
    const QString text = edit->text().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    const Result<EpochMs> bound = IsoTime::parseBound(text, m_zone); // as the CLI reads --from and --to
    return bound ? std::optional<EpochMs>(*bound) : std::nullopt;
}

void FilterBar::checkBound(QLineEdit *edit)
{
    const QString text = edit->text().trimmed();
    const bool readable = text.isEmpty() || boundOf(edit);
    QPalette palette = edit->palette();
    palette.setColor(QPalette::Text, readable ? this->palette().color(QPalette::Text) : QColor(Qt::red));
    edit->setPalette(palette);
    edit->setToolTip(readable ? tr("A day (2026-10-01, its midnight) or a day and time (2026-10-01 13:30) in %1")
                                    .arg(QString::fromUtf8(m_zone.id()))
                              : tr("Type a whole day, 2026-10-01, or a day and time, 2026-10-01 13:30"));
}

void FilterBar::setTenants(const QList<Tenant> &tenants, const QString &current)
{
    m_quiet = true;
    m_tenants = tenants;
    m_ui->tenantCombo->clear();
    for (const Tenant &t : tenants)
        m_ui->tenantCombo->addItem(t.name.isEmpty() ? t.id : QStringLiteral("%1 (%2)").arg(t.name, t.id), t.id);
    m_ui->tenantCombo->setCurrentIndex(std::max(0, m_ui->tenantCombo->findData(current)));
    m_quiet = false;
    updateZone();
    // One tenant needs no choice.
    m_ui->tenantGroup->setVisible(tenants.size() > 1);
}

void FilterBar::updateZone()
{
    const QString id = tenant();
    m_zone = QTimeZone::utc();
    for (const Tenant &t : std::as_const(m_tenants)) {
        if (t.id == id && QTimeZone(t.businessTimeZone.toUtf8()).isValid())
            m_zone = QTimeZone(t.businessTimeZone.toUtf8());
    }
    m_ui->zoneLabel->setText(tr("(%1)").arg(QString::fromUtf8(m_zone.id())));
    for (QLineEdit *edit : { m_ui->fromEdit, m_ui->toEdit })
        checkBound(edit);
    showPresetRange();
}

void FilterBar::showPresetRange()
{
    // What the preset means, in the tenant's zone (the query computes it afresh each time it runs); "Any time" has
    // no bounds, and a custom range keeps what was typed.
    const auto preset = Preset(m_ui->presetCombo->currentData().toInt());
    if (preset == Preset::Custom)
        return;
    const TimeRange range = presetRange(preset, QDateTime::currentMSecsSinceEpoch(), m_zone);
    const bool quiet = std::exchange(m_quiet, true);
    m_ui->fromEdit->setText(range.from ? IsoTime::toZoneText(*range.from, m_zone) : QString());
    m_ui->toEdit->setText(range.to ? IsoTime::toZoneText(*range.to, m_zone) : QString());
    m_quiet = quiet;
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
    if (preset == Preset::Custom) {
        // A field that does not read as a time (shown in red) keeps the bound it had: it never widens the range.
        const auto bound = [this](QLineEdit *edit) -> std::optional<EpochMs> {
            if (edit->text().trimmed().isEmpty())
                return std::nullopt;
            if (const std::optional<EpochMs> read = boundOf(edit))
                return read;
            return m_goodBound.value(edit);
        };
        query.takenAt = { bound(m_ui->fromEdit), bound(m_ui->toEdit) };
    } else {
        query.takenAt = presetRange(preset, QDateTime::currentMSecsSinceEpoch(), m_zone);
    }
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
    const auto text = [this](const QDateTime &at) {
        if (at.timeSpec() == Qt::LocalTime) // a wall-clock time: the tenant's, as if typed
            return at.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        return IsoTime::toZoneText(at.toMSecsSinceEpoch(), m_zone);
    };
    m_quiet = true;
    m_ui->presetCombo->setCurrentIndex(m_ui->presetCombo->findData(int(Preset::Custom)));
    m_ui->fromEdit->setText(text(from));
    m_ui->toEdit->setText(text(to));
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

TimeRange FilterBar::presetRange(Preset preset, EpochMs now, const QTimeZone &zone)
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(now, zone).date();
    const auto startOf = [&zone](QDate date) { return QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch(); };
    const auto lastDays = [&](int days) { return TimeRange { startOf(today.addDays(1 - days)), now + 1 }; };
    switch (preset) {
    case Preset::Last24Hours:
        return { now - 24 * 3600 * 1000LL, now + 1 };
    case Preset::Last7Days:
        return lastDays(7);
    case Preset::Last30Days:
        return lastDays(30);
    case Preset::Last90Days:
        return lastDays(90);
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

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    // A plain QMenu closes when an item is chosen; ticking several types should not need reopening it.
    auto *menu = qobject_cast<QMenu *>(watched);
    if (menu && menu == m_ui->typesButton->menu()) {
        QAction *action = nullptr;
        if (event->type() == QEvent::MouseButtonRelease) {
            const auto *mouse = static_cast<QMouseEvent *>(event);
            if (mouse->button() == Qt::LeftButton)
                action = menu->actionAt(mouse->position().toPoint());
        } else if (event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if (key == Qt::Key_Space || key == Qt::Key_Return || key == Qt::Key_Enter)
                action = menu->activeAction();
        }
        if (action && action->isCheckable() && action->isEnabled()) {
            action->trigger();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FilterBar::rebuildTypes()
{
    QMenu *menu = m_ui->typesButton->menu();
    menu->clear();
    QStringList types;
    if (const KindDefinition *info = KindRegistry::find(kind())) {
        types = info->types;
    } else {
        for (const KindDefinition *k : KindRegistry::all())
            types += k->types;
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
