#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>

#include "common/testsupport.h"
#include "filterbar.h"
#include "items/schedulelistmodel.h"
#include "items/timelinemodel.h"
#include "scheduleeditordialog.h"
#include "schedulespanel.h"
#include "store/snapshotstore.h"
#include "timelinetable.h"
#include "json/isotime.h"

namespace {

const QString ThaiShop = QStringLiteral("th");
const QTimeZone Bangkok("Asia/Bangkok");

EpochMs utc(const char *iso)
{
    return *IsoTime::parseDateTime(QString::fromLatin1(iso));
}

} // namespace

// The timeline's filter bar and what follows from its time zone (the timeline's empty state, new schedules), on the
// offscreen platform, driven with the mouse and keyboard as a user would.
class TestFilterBar : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void typedRangeIsInTheTenantsZone_data();
    void typedRangeIsInTheTenantsZone();
    void wallClockAcrossDaylightSaving_data();
    void wallClockAcrossDaylightSaving();
    void presetsCountBusinessDays_data();
    void presetsCountBusinessDays();
    void typesMenuStaysOpenWhileTicking();
    void textFiltersReachTheQuery();
    void emptyTimelineSaysWhy();
    void newScheduleRunsInTheTenantsZone();

private:
    std::unique_ptr<FilterBar> shownBar();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<SnapshotStore> m_store;
};

void TestFilterBar::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = openSharedSnapshotStore(ConnectionSpec::sqlite(m_dir->filePath(QStringLiteral("f.sqlite"))), { true });
    QVERIFY(store);
    m_store = *store;
    QVERIFY(m_store->putTenant(
        { ThaiShop, QStringLiteral("Thai shop"), QStringLiteral("Asia/Bangkok"), QStringLiteral("THB") }));
    NewSnapshot s;
    s.tenant = ThaiShop;
    s.kind = QStringLiteral("order");
    s.entityId = QStringLiteral("ORD-TH-000120");
    s.takenAt = utc("2026-10-31T16:30:00Z"); // 2026-10-31 23:30 in Bangkok
    s.type = QStringLiteral("created");
    s.payload = { { QStringLiteral("status"), QStringLiteral("created") } };
    QVERIFY(m_store->putBatch({ s }));
}

void TestFilterBar::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

std::unique_ptr<FilterBar> TestFilterBar::shownBar()
{
    auto bar = std::make_unique<FilterBar>();
    bar->setTenants(
        { { QStringLiteral("other"), QStringLiteral("Other"), QStringLiteral("Europe/Berlin"), QString() },
            { ThaiShop, QStringLiteral("Thai shop"), QStringLiteral("Asia/Bangkok"), QStringLiteral("THB") } },
        ThaiShop);
    bar->show();
    if (!QTest::qWaitForWindowExposed(bar.get()))
        return nullptr;
    return bar;
}

void TestFilterBar::typedRangeIsInTheTenantsZone_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("fromUtc");
    QTest::addColumn<QString>("toUtc");
    QTest::newRow("whole days") << QStringLiteral("2026-10-01") << QStringLiteral("2026-10-02")
                                << QStringLiteral("2026-09-30T17:00:00.000Z")
                                << QStringLiteral("2026-10-01T17:00:00.000Z");
    QTest::newRow("midnight typed") << QStringLiteral("2026-10-01 00:00") << QStringLiteral("2026-10-01 13:30")
                                    << QStringLiteral("2026-09-30T17:00:00.000Z")
                                    << QStringLiteral("2026-10-01T06:30:00.000Z");
    QTest::newRow("with an offset") << QStringLiteral("2026-10-01T00:00:00Z") << QString()
                                    << QStringLiteral("2026-10-01T00:00:00.000Z") << QString();
}

void TestFilterBar::typedRangeIsInTheTenantsZone()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, fromUtc);
    QFETCH(QString, toUtc);
    auto bar = shownBar();
    QVERIFY(bar);
    // The bar names the zone its fields are in.
    auto *zone = bar->findChild<QLabel *>(QStringLiteral("zoneLabel"));
    QVERIFY(zone);
    QVERIFY2(zone->isVisible() && zone->text().contains(QStringLiteral("Asia/Bangkok")), qPrintable(zone->text()));

    bar->setPreset(FilterBar::Preset::Custom);
    QSignalSpy changed(bar.get(), &FilterBar::filtersChanged);
    for (const auto &[name, text] : { std::pair { "fromEdit", from }, std::pair { "toEdit", to } }) {
        auto *field = bar->findChild<QWidget *>(QString::fromLatin1(name));
        QVERIFY(field && field->isEnabled());
        // Click into the field, select what is there and type the date as a whole.
        QTest::mouseClick(field, Qt::LeftButton, {}, QPoint(field->width() / 3, field->height() / 2));
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(field, Qt::Key_Delete);
        QTest::keyClicks(field, text);
    }
    QVERIFY(changed.wait());
    const SnapshotQuery query = bar->applyTo({});
    QCOMPARE(query.takenAt.from ? IsoTime::toUtcString(*query.takenAt.from) : QString(), fromUtc);
    QCOMPARE(query.takenAt.to ? IsoTime::toUtcString(*query.takenAt.to) : QString(), toUtc);
    // The CLI reads --from the same way.
    QCOMPARE(query.takenAt.from, std::optional<EpochMs>(*IsoTime::parseBound(from, Bangkok)));
    // Typing on into something that is not a time keeps the bound it had instead of dropping it (a wider range).
    auto *fromField = bar->findChild<QLineEdit *>(QStringLiteral("fromEdit"));
    QTest::keyClicks(fromField, QStringLiteral("x"));
    QCOMPARE(bar->applyTo({}).takenAt.from, query.takenAt.from);
}

void TestFilterBar::wallClockAcrossDaylightSaving_data()
{
    QTest::addColumn<QString>("typed"); // a wall-clock time in New York
    QTest::addColumn<QString>("utc"); // the instant it is read as
    QTest::addColumn<QString>("shown"); // and how that instant is shown back
    QTest::newRow("winter") << QStringLiteral("2026-01-15 09:00") << QStringLiteral("2026-01-15T14:00:00Z")
                            << QStringLiteral("2026-01-15 09:00");
    QTest::newRow("summer") << QStringLiteral("2026-07-15 09:00") << QStringLiteral("2026-07-15T13:00:00Z")
                            << QStringLiteral("2026-07-15 09:00");
    // Clocks go from 02:00 to 03:00 on 8 March 2026: 02:30 does not exist and is read with the winter offset.
    QTest::newRow("skipped") << QStringLiteral("2026-03-08 02:30") << QStringLiteral("2026-03-08T07:30:00Z")
                             << QStringLiteral("2026-03-08 03:30");
    // Clocks go from 02:00 back to 01:00 on 1 November 2026: 01:30 happens twice; the first one is meant.
    QTest::newRow("repeated") << QStringLiteral("2026-11-01 01:30") << QStringLiteral("2026-11-01T05:30:00Z")
                              << QStringLiteral("2026-11-01 01:30");
    QTest::newRow("midnight") << QStringLiteral("2026-03-08") << QStringLiteral("2026-03-08T05:00:00Z")
                              << QStringLiteral("2026-03-08 00:00");
}

void TestFilterBar::wallClockAcrossDaylightSaving()
{
    QFETCH(QString, typed);
    QFETCH(QString, utc);
    QFETCH(QString, shown);
    const QTimeZone newYork("America/New_York");
    const auto read = IsoTime::parseBound(typed, newYork);
    QVERIFY(read.ok());
    QCOMPARE(IsoTime::toUtcSeconds(*read), utc);
    QCOMPARE(IsoTime::toZoneText(*read, newYork), shown);
    // A date-time edit holding the wall-clock time gives back the same instant.
    QCOMPARE(IsoTime::fromWallClock(IsoTime::wallClock(*read, newYork), newYork), *read);
}

void TestFilterBar::presetsCountBusinessDays_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<QString>("fromUtc");
    QTest::addColumn<QString>("toUtc");
    // Now is 2026-12-06 03:00 in Bangkok (2026-12-05T20:00Z): in UTC it is still the 5th.
    QTest::newRow("last 7 days") << int(FilterBar::Preset::Last7Days) << QStringLiteral("2026-11-29T17:00:00.000Z")
                                 << QStringLiteral("2026-12-05T20:00:00.001Z");
    QTest::newRow("last 30 days") << int(FilterBar::Preset::Last30Days) << QStringLiteral("2026-11-06T17:00:00.000Z")
                                  << QStringLiteral("2026-12-05T20:00:00.001Z");
    QTest::newRow("this month") << int(FilterBar::Preset::ThisMonth) << QStringLiteral("2026-11-30T17:00:00.000Z")
                                << QStringLiteral("2026-12-31T17:00:00.000Z");
    QTest::newRow("last month") << int(FilterBar::Preset::LastMonth) << QStringLiteral("2026-10-31T17:00:00.000Z")
                                << QStringLiteral("2026-11-30T17:00:00.000Z");
    QTest::newRow("last 24 hours") << int(FilterBar::Preset::Last24Hours) << QStringLiteral("2026-12-04T20:00:00.000Z")
                                   << QStringLiteral("2026-12-05T20:00:00.001Z");
}

void TestFilterBar::presetsCountBusinessDays()
{
    QFETCH(int, preset);
    QFETCH(QString, fromUtc);
    QFETCH(QString, toUtc);
    const TimeRange range = FilterBar::presetRange(FilterBar::Preset(preset), utc("2026-12-05T20:00:00Z"), Bangkok);
    QVERIFY(range.from && range.to);
    QCOMPARE(IsoTime::toUtcString(*range.from), fromUtc);
    QCOMPARE(IsoTime::toUtcString(*range.to), toUtc);
}

void TestFilterBar::typesMenuStaysOpenWhileTicking()
{
    auto bar = shownBar();
    QVERIFY(bar);
    bar->setKind(QStringLiteral("order"));
    auto *button = bar->findChild<QToolButton *>(QStringLiteral("typesButton"));
    QVERIFY(button && button->menu());
    QMenu *menu = button->menu();
    menu->popup(button->mapToGlobal(button->rect().bottomLeft()));
    QVERIFY(QTest::qWaitForWindowExposed(menu));
    const QList<QAction *> types = menu->actions();
    QVERIFY(types.size() >= 2);
    QSignalSpy changed(bar.get(), &FilterBar::filtersChanged);
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(types.at(0)).center());
    QVERIFY(types.at(0)->isChecked());
    QVERIFY2(menu->isVisible(), "the menu closed after the first tick");
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(types.at(1)).center());
    QVERIFY(types.at(1)->isChecked());
    QVERIFY(menu->isVisible());
    // The keyboard ticks too, and the button says what is chosen.
    menu->setActiveAction(types.at(1));
    QTest::keyClick(menu, Qt::Key_Space);
    QVERIFY(!types.at(1)->isChecked());
    QVERIFY(menu->isVisible());
    QCOMPARE(button->text(), types.at(0)->text());
    QCOMPARE(bar->applyTo({}).types, QStringList { types.at(0)->data().toString() });
    QCOMPARE(changed.size(), 3);
    menu->close();
}

void TestFilterBar::textFiltersReachTheQuery()
{
    auto bar = shownBar();
    QVERIFY(bar);
    auto *createdBy = bar->findChild<QLineEdit *>(QStringLiteral("createdByEdit"));
    auto *entity = bar->findChild<QLineEdit *>(QStringLiteral("entityEdit"));
    QVERIFY(createdBy && entity);
    QSignalSpy changed(bar.get(), &FilterBar::filtersChanged);
    QTest::keyClicks(createdBy, QStringLiteral("ana"));
    QTest::keyClicks(entity, QStringLiteral("ord-th"));
    QVERIFY(changed.wait());
    QCOMPARE(changed.size(), 1); // debounced
    const SnapshotQuery query = bar->applyTo({});
    QCOMPARE(query.createdBy, QStringLiteral("ana"));
    QCOMPARE(query.entityPrefix, QStringLiteral("ord-th"));
    // The store finds "ORD-TH-000120" for "ord-th" (case-insensitive prefix).
    SnapshotQuery stored = query;
    stored.tenant = ThaiShop;
    stored.createdBy.clear();
    auto count = m_store->countHeaders(stored);
    QVERIFY(count);
    QCOMPARE(*count, 1);
    stored.createdBy = QStringLiteral("SYS"); // contains, any case: "system"
    count = m_store->countHeaders(stored);
    QVERIFY(count);
    QCOMPARE(*count, 1);
}

void TestFilterBar::emptyTimelineSaysWhy()
{
    auto bar = shownBar();
    QVERIFY(bar);
    bar->setPreset(FilterBar::Preset::Custom);
    bar->setCustomRange(QDateTime(QDate(2026, 11, 1), QTime(0, 0)), QDateTime(QDate(2026, 12, 1), QTime(0, 0)));
    TimelineModel model;
    TimelineTable table;
    table.setTimelineModel(&model);
    table.resize(900, 300);
    table.show();
    QVERIFY(QTest::qWaitForWindowExposed(&table));
    SnapshotQuery query = bar->applyTo({});
    query.tenant = ThaiShop;
    // A drill-down's days are the tenant's days: November in Bangkok.
    QCOMPARE(IsoTime::toUtcString(*query.takenAt.from), QStringLiteral("2026-10-31T17:00:00.000Z"));
    model.setStore(m_store);
    model.setTimeZone(bar->timeZone());
    model.setQuery(query);
    QTRY_VERIFY(!table.placeholderText().isEmpty());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(table.placeholderText(),
        QStringLiteral("No snapshots were taken between 2026-11-01 00:00 and 2026-12-01 00:00 (Asia/Bangkok).\n"
                       "The newest one is from 2026-10-31 23:30; widen the time range to see it."));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Taken at (Asia/Bangkok)"));
    // With the snapshot in range the table shows it, in Bangkok time, and no message.
    bar->setCustomRange(QDateTime(QDate(2026, 10, 31), QTime(0, 0)), QDateTime(QDate(2026, 11, 1), QTime(0, 0)));
    query = bar->applyTo(query);
    model.setQuery(query);
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(table.placeholderText(), QString());
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("2026-10-31 23:30:00"));
}

void TestFilterBar::newScheduleRunsInTheTenantsZone()
{
    SchedulesPanel panel;
    QSignalSpy loaded(&panel, &SchedulesPanel::loaded);
    panel.setStore(m_store, ThaiShop);
    panel.show();
    QVERIFY(loaded.wait());
    auto *create = panel.findChild<QPushButton *>(QStringLiteral("create"));
    QVERIFY(create);
    QTest::mouseClick(create, Qt::LeftButton);
    auto *dialog = panel.findChild<ScheduleEditorDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *zone = dialog->findChild<QComboBox *>(QStringLiteral("zone"));
    QVERIFY(zone);
    QCOMPARE(zone->currentText(), QStringLiteral("Asia/Bangkok"));
    // The default daily 02:00 runs at 02:00 Bangkok time, and each run names its zone.
    QVERIFY(!dialog->nextRuns().isEmpty());
    QVERIFY2(dialog->nextRuns().first().contains(QStringLiteral("02:00 +07")), qPrintable(dialog->nextRuns().first()));
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("name"));
    QVERIFY(name);
    QTest::keyClicks(name, QStringLiteral("Nightly stock"));
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok);
    QVERIFY2(ok->isEnabled(), qPrintable(dialog->problem()));
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(loaded.wait());
    ScheduleListModel *list = panel.model();
    QCOMPARE(list->rowCount(), 1);
    QCOMPARE(list->schedule(0).timeZone, QStringLiteral("Asia/Bangkok"));
    const QString next = list->index(0, int(ScheduleListModel::Column::Next)).data().toString();
    QVERIFY2(next.endsWith(QStringLiteral("02:00 +07")), qPrintable(next));
}

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"
