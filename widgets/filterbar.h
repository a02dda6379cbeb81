#pragma once

#include <QWidget>

#include <memory>

#include "domain/snapshot.h"
#include "store/snapshotquery.h"

namespace Ui {
class FilterBar;
}
class QTimer;

// The timeline's filters: tenant (when there is more than one), kind, types, taken-at range with presets, creator
// and entity id prefix. Every one of them becomes part of the SQL; typing is debounced, so a burst of keystrokes
// makes one query.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    enum class Preset { AnyTime, Last24Hours, Last7Days, Last30Days, Last90Days, ThisMonth, LastMonth, Custom };

    explicit FilterBar(QWidget *parent = nullptr);
    ~FilterBar() override;

    void setTenants(const QList<Tenant> &tenants, const QString &current);
    QString tenant() const;
    void setKind(const QString &kind);
    QString kind() const;
    // The filters applied to a query (its tenant, entity id and trash setting are left as they are).
    SnapshotQuery applyTo(SnapshotQuery query) const;
    void setPreset(Preset preset);
    // A custom taken-at range (drill-down from a chart); applies the filters.
    void setCustomRange(const QDateTime &from, const QDateTime &to);
    void focusFilter();
    void clearFilters();

    // The range a preset means at `now` in the local time zone.
    static TimeRange presetRange(Preset preset, const QDateTime &now);

Q_SIGNALS:
    void tenantChanged(const QString &tenant);
    // Some filter changed (already debounced for typing).
    void filtersChanged();

private:
    void rebuildTypes();
    void updateTypesText();
    void changedNow();

    std::unique_ptr<Ui::FilterBar> m_ui;
    QTimer *m_debounce;
    bool m_quiet = false; // set while the bar changes its own fields
};
