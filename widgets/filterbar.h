#pragma once

#include <QHash>
#include <QTimeZone>
#include <QWidget>

#include <memory>

#include "domain/snapshot.h"
#include "store/snapshotquery.h"

namespace Ui {
class FilterBar;
}
class QLineEdit;
class QTimer;

// The timeline's filters: tenant (when there is more than one), kind, types, taken-at range with presets, creator
// and entity id prefix. Every one of them becomes part of the SQL; typing is debounced, so a burst of keystrokes
// makes one query. Times are typed and shown in the tenant's business time zone, which the bar names.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    enum class Preset { AnyTime, Last24Hours, Last7Days, Last30Days, Last90Days, ThisMonth, LastMonth, Custom };

    explicit FilterBar(QWidget *parent = nullptr);
    ~FilterBar() override;

    void setTenants(const QList<Tenant> &tenants, const QString &current);
    QString tenant() const;
    // The chosen tenant's business time zone (UTC when the tenant names none or an unknown one).
    QTimeZone timeZone() const { return m_zone; }
    void setKind(const QString &kind);
    QString kind() const;
    // The filters applied to a query (its tenant, entity id and trash setting are left as they are).
    SnapshotQuery applyTo(SnapshotQuery query) const;
    void setPreset(Preset preset);
    // A custom taken-at range (drill-down from a chart); applies the filters. A QDateTime in local time (made from a
    // date and a time, no zone) is a wall-clock time in the tenant's zone, as typed; others are converted to it.
    void setCustomRange(const QDateTime &from, const QDateTime &to);
    void focusFilter();
    void clearFilters();

    // The range a preset means at `now` in `zone`: "Last N days" is today so far and the N - 1 whole days before it,
    // from midnight in the zone; months are calendar months there.
    static TimeRange presetRange(Preset preset, EpochMs now, const QTimeZone &zone);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void tenantChanged(const QString &tenant);
    // Some filter changed (already debounced for typing).
    void filtersChanged();

private:
    void rebuildTypes();
    void updateTypesText();
    void changedNow();
    void updateZone();
    void showPresetRange();
    // The bound typed into a date field; unset when it is empty or cannot be read (the field says why).
    std::optional<EpochMs> boundOf(QLineEdit *edit) const;
    void checkBound(QLineEdit *edit);
    void addCalendar(QLineEdit *edit);

    std::unique_ptr<Ui::FilterBar> m_ui;
    QTimer *m_debounce;
    QList<Tenant> m_tenants;
    QTimeZone m_zone = QTimeZone::utc();
    QHash<const QLineEdit *, std::optional<EpochMs>> m_goodBound; // each date field's last readable bound
    bool m_quiet = false; // set while the bar changes its own fields
};
