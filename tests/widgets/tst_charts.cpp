#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QApplication>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QValueAxis>

#include <limits>

#include "charttools.h"
#include "chatchartview.h"
#include "common/testsupport.h"
#include "inventorychartview.h"
#include "items/seriestablemodel.h"
#include "monthlyinventoryview.h"
#include "ops/analyticsseries.h"
#include "ops/demogenerator.h"
#include "store/snapshotstore.h"

// The inventory and chat charts (and the inventory's monthly report, the chat tab's training export) on the offscreen
// platform over the demo data, driven with the mouse and keyboard: gaps where there is no data, round ticks, month
// labels, distinct colours, hover and click over a bar, the product and top-N controls, the empty-state message, and
// the PNG export's heading.
class TestCharts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void inventoryLinesBreakWhereThereIsNoData();
    void chatRateHasNoPointWithoutConversations();
    void axesHaveRoundTicks();
    void monthAxisIsLabelledAtMonthStarts();
    void seriesHaveDistinctColours();
    void hoverAndClickOnAChatBar();
    void clickOnAnInventoryWeekDrillsDown();
    void aZoomDragIsNotAClick();
    void unknownProductSaysSo();
    void productIsCompletedFromTheStore();
    void topNIsHonouredAndRemembered();
    void emptyRangeSaysWhy();
    void pngExportHasTitleRangeAndFilters();
    void monthlyReportFollowsMonthAndStore();
    void trainingExportFromTheChatTab();

private:
    InventoryChartView *openInventory(const QDate &from, const QDate &to);
    ChatChartView *openChat(const QDate &from, const QDate &to);
    static QList<QLineSeries *> pieces(QChart *chart, const QString &name);
    template <typename View> static void choose(View *view, const char *combo, int index);

    QTemporaryDir m_dir;
    std::shared_ptr<SnapshotStore> m_store;
    const QString m_tenant = QStringLiteral("acme-th");
    QDate m_last; // the last day with inventory and chats
    QDate m_hole; // a day whose inventory the test removed
    std::unique_ptr<QWidget> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestCharts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings of its own: Top N starts at its default
    QSettings().clear();
    const ConnectionSpec spec = ConnectionSpec::sqlite(m_dir.filePath(QStringLiteral("charts.sqlite")));
    auto store = openSharedSnapshotStore(spec, { true });
    QVERIFY(store);
    m_store = *store;
    DemoOptions options;
    options.trainDictionaries = false;
    QVERIFY(DemoGenerator(*m_store, options).run());
    TestSupport::SideConnection side(spec);
    QSqlQuery query(side.db());
    QVERIFY(query.exec(QStringLiteral("SELECT MAX(day) FROM daily_inventory WHERE tenant_id = 'acme-th'")));
    QVERIFY(query.next());
    m_last = query.value(0).toDate();
    QVERIFY(m_last.isValid());
    // A day the inventory service missed, ten days before the end: every store and product.
    m_hole = m_last.addDays(-10);
    for (const char *table : { "daily_inventory", "inventory_store_days" }) {
        QVERIFY(
            query.prepare(QStringLiteral("DELETE FROM %1 WHERE tenant_id = ? AND day = ?").arg(QLatin1String(table))));
        query.addBindValue(m_tenant);
        query.addBindValue(m_hole.toString(Qt::ISODate));
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }
}

void TestCharts::init()
{
    QSettings().clear();
}

void TestCharts::cleanup()
{
    m_tester.reset();
    m_view.reset();
}

InventoryChartView *TestCharts::openInventory(const QDate &from, const QDate &to)
{
    auto *view = new InventoryChartView;
    m_view.reset(view);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        view->table(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view->resize(1280, 720);
    view->show();
    if (!QTest::qWaitForWindowExposed(view))
        return nullptr;
    QSignalSpy loaded(view, &InventoryChartView::loaded);
    QSignalSpy catalogue(view, &InventoryChartView::catalogueLoaded);
    view->setStore(m_store, m_tenant);
    view->setRange(from, to);
    if (!loaded.wait(30000) || !(catalogue.size() > 0 || catalogue.wait(30000)))
        return nullptr;
    return view;
}

ChatChartView *TestCharts::openChat(const QDate &from, const QDate &to)
{
    auto *view = new ChatChartView;
    m_view.reset(view);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        view->table(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view->resize(1280, 720);
    view->show();
    if (!QTest::qWaitForWindowExposed(view))
        return nullptr;
    QSignalSpy loaded(view, &ChatChartView::loaded);
    view->setStore(m_store, m_tenant);
    view->setRange(from, to);
    return loaded.wait(30000) ? view : nullptr;
}

QList<QLineSeries *> TestCharts::pieces(QChart *chart, const QString &name)
{
    QList<QLineSeries *> result;
    for (QAbstractSeries *series : chart->series()) {
        if (series->name() == name && qobject_cast<QLineSeries *>(series))
            result << static_cast<QLineSeries *>(series);
    }
    return result;
}

// Chooses an item of a combo box as a user does: the combo emits activated.
template <typename View> void TestCharts::choose(View *view, const char *combo, int index)
{
    auto *box = view->template findChild<QComboBox *>(QLatin1String(combo));
    QVERIFY(box);
    box->setCurrentIndex(index);
    Q_EMIT box->activated(index);
}

void TestCharts::inventoryLinesBreakWhereThereIsNoData()
{
    // Twenty days up to five days after the data: a hole ten days before the end, and the five days after it.
    const QDate from = m_last.addDays(-19), to = m_last.addDays(5);
    InventoryChartView *view = openInventory(from, to);
    QVERIFY(view);
    QCOMPARE(view->pointCount(), 25);
    for (const QString &name :
        { QStringLiteral("Opening"), QStringLiteral("Closing"), QStringLiteral("Stock value") }) {
        const QList<QLineSeries *> closing = pieces(view->chart(), name);
        // Two pieces: before the hole and from the hole to the end of the data; nothing drawn after it.
        QCOMPARE(closing.size(), 2);
        QCOMPARE(closing.at(0)->count(), 9);
        QCOMPARE(closing.at(1)->count(), 10);
        for (QLineSeries *piece : closing) {
            for (const QPointF &p : piece->points()) {
                const QDate day = QDateTime::fromMSecsSinceEpoch(qint64(p.x())).date();
                QVERIFY2(p.y() > 0, qPrintable(day.toString(Qt::ISODate))); // never a zero for "no data"
                QVERIFY(day != m_hole && day <= m_last);
            }
        }
        // One legend entry for the line, whatever its pieces.
        int entries = 0;
        for (QLegendMarker *marker : view->chart()->legend()->markers()) {
            if (marker->label() == name && marker->isVisible())
                ++entries;
        }
        QCOMPARE(entries, 1);
    }
    // The legend hides and shows every piece of the line.
    QLegendMarker *closingEntry
        = view->chart()->legend()->markers(pieces(view->chart(), QStringLiteral("Closing")).first()).first();
    Q_EMIT closingEntry->clicked();
    for (QLineSeries *piece : pieces(view->chart(), QStringLiteral("Closing")))
        QVERIFY(!piece->isVisible());
    Q_EMIT closingEntry->clicked();
    for (QLineSeries *piece : pieces(view->chart(), QStringLiteral("Closing")))
        QVERIFY(piece->isVisible());
    QVERIFY(!view->findChild<QLabel *>(QStringLiteral("statusLabel"))->text().isEmpty());
    QVERIFY(view->findChild<QLabel *>(QStringLiteral("statusLabel"))->text().contains(u"Asia/Bangkok"));
}

void TestCharts::chatRateHasNoPointWithoutConversations()
{
    const QDate from = m_last.addDays(-13), to = m_last.addDays(4);
    ChatChartView *view = openChat(from, to);
    QVERIFY(view);
    ChatSeriesQuery q;
    q.tenant = m_tenant;
    q.from = from;
    q.to = to;
    auto expected = AnalyticsSeries::chat(*m_store, q);
    QVERIFY(expected);
    QSet<QDate> withConversations;
    for (const ChatPoint &p : *expected) {
        if (p.conversations > 0)
            withConversations.insert(p.period);
    }
    QVERIFY(!withConversations.isEmpty() && withConversations.size() < expected->size());
    qsizetype points = 0;
    for (QLineSeries *piece : pieces(view->chart(), QStringLiteral("Conversion rate (%)"))) {
        for (const QPointF &p : piece->points()) {
            QVERIFY(withConversations.contains(QDateTime::fromMSecsSinceEpoch(qint64(p.x())).date()));
            ++points;
        }
    }
    QCOMPARE(points, withConversations.size());
    // The table says "–" for 0 of 0, not 0 %.
    const int rateColumn = 3;
    QCOMPARE(view->table()->headerData(rateColumn, Qt::Horizontal).toString(), QStringLiteral("Conversion rate"));
    QCOMPARE(view->table()->index(view->table()->rowCount() - 1, rateColumn).data().toString(), QStringLiteral("–"));
}

void TestCharts::axesHaveRoundTicks()
{
    InventoryChartView *inventory = openInventory(m_last.addDays(-89), m_last);
    QVERIFY(inventory);
    const auto check = [](QChart *chart, const QString &title, bool integers) {
        QValueAxis *axis = nullptr;
        for (QAbstractAxis *a : chart->axes(Qt::Vertical)) {
            if (a->titleText().startsWith(title))
                axis = qobject_cast<QValueAxis *>(a);
        }
        QVERIFY2(axis, qPrintable(title));
        QCOMPARE(axis->min(), 0.0);
        QCOMPARE(axis->tickType(), QValueAxis::TicksFixed);
        const double step = (axis->max() - axis->min()) / (axis->tickCount() - 1);
        // 1, 2, 2.5 or 5 times a power of ten.
        const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
        QVERIFY2(qFuzzyCompare(mantissa, 1.0) || qFuzzyCompare(mantissa, 2.0) || qFuzzyCompare(mantissa, 2.5)
                || qFuzzyCompare(mantissa, 5.0),
            qPrintable(QString::number(step)));
        if (integers) {
            QCOMPARE(step, std::round(step));
            QVERIFY2(axis->labelFormat().startsWith(u"%.0f"), qPrintable(axis->labelFormat()));
        }
    };
    check(inventory->chart(), QStringLiteral("Units"), true);
    check(inventory->chart(), QStringLiteral("Stock value"), false);
    ChatChartView *chat = openChat(m_last.addDays(-89), m_last);
    QVERIFY(chat);
    check(chat->chart(), QStringLiteral("Conversations"), true);
    check(chat->chart(), QStringLiteral("Conversion rate"), true);
}

void TestCharts::monthAxisIsLabelledAtMonthStarts()
{
    InventoryChartView *view = openInventory(m_last.addMonths(-11).addDays(1), m_last);
    QVERIFY(view);
    QSignalSpy loaded(view, &InventoryChartView::loaded);
    choose(view, "granularityCombo", 2); // by month
    QVERIFY(loaded.wait(30000));
    QCategoryAxis *axis = nullptr;
    for (QAbstractAxis *a : view->chart()->axes(Qt::Horizontal)) {
        if (a->isVisible())
            axis = qobject_cast<QCategoryAxis *>(a);
    }
    QVERIFY(axis);
    const QStringList labels = axis->categoriesLabels();
    QVERIFY(labels.size() >= 4);
    const ChartTools::PeriodScale scale = view->periodScale();
    for (const QString &label : labels) {
        // Exactly under a month's bar, named as that month (the period's first day).
        const qsizetype i = scale.nearest(axis->endValue(label));
        QCOMPARE(axis->endValue(label), scale.x(i));
        QCOMPARE(scale.periods.at(i).day(), 1);
        QCOMPARE(label, QLocale().toString(scale.periods.at(i), QStringLiteral("MMM yyyy")));
    }
    // Bars and lines agree: the closing line's points sit at the centres of the bars' slots.
    const QList<QLineSeries *> closing = pieces(view->chart(), QStringLiteral("Closing"));
    QVERIFY(!closing.isEmpty());
    for (const QPointF &p : closing.constLast()->points())
        QCOMPARE(p.x(), scale.x(scale.nearest(p.x())));
    QCOMPARE(axis->min(), scale.min());
    QCOMPARE(axis->max(), scale.max());
    QCOMPARE(scale.max() - scale.min(), (scale.x(1) - scale.x(0)) * qreal(scale.periods.size()));
}

void TestCharts::seriesHaveDistinctColours()
{
    const auto colours = [](QChart *chart) {
        QMap<QString, QColor> byName;
        for (QAbstractSeries *series : chart->series()) {
            if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
                for (QBarSet *set : bars->barSets())
                    byName.insert(set->label(), set->color());
            } else if (auto *line = qobject_cast<QLineSeries *>(series)) {
                byName.insert(line->name(), line->color());
            }
        }
        return byName;
    };
    ChatChartView *chat = openChat(m_last.addDays(-29), m_last);
    QVERIFY(chat);
    QMap<QString, QColor> chatColours = colours(chat->chart());
    QCOMPARE(chatColours.size(), 5);
    QCOMPARE(QSet<QRgb>(
                 { chatColours.value(QStringLiteral("WhatsApp")).rgb(), chatColours.value(QStringLiteral("LINE")).rgb(),
                     chatColours.value(QStringLiteral("Facebook")).rgb(),
                     chatColours.value(QStringLiteral("Converted")).rgb(),
                     chatColours.value(QStringLiteral("Conversion rate (%)")).rgb() })
                 .size(),
        5);
    // The colours survive a theme change (the theme repaints every series).
    QPalette dark = chat->palette();
    dark.setColor(QPalette::Window, Qt::black);
    chat->setPalette(dark);
    QCOMPARE(chat->chart()->theme(), QChart::ChartThemeDark);
    QCOMPARE(colours(chat->chart()), chatColours);

    InventoryChartView *inventory = openInventory(m_last.addDays(-29), m_last);
    QVERIFY(inventory);
    QSignalSpy loaded(inventory, &InventoryChartView::loaded);
    inventory->findChild<QCheckBox *>(QStringLiteral("previousCheck"))->click();
    QVERIFY(loaded.wait(30000));
    const QMap<QString, QColor> inventoryColours = colours(inventory->chart());
    QCOMPARE(inventoryColours.size(), 6);
    QSet<QRgb> distinct;
    for (const QColor &c : inventoryColours)
        distinct.insert(c.rgb());
    QCOMPARE(distinct.size(), 6);
}

void TestCharts::hoverAndClickOnAChatBar()
{
    ChatChartView *view = openChat(m_last.addDays(-13), m_last);
    QVERIFY(view);
    auto *chartView = view->findChild<QChartView *>(QStringLiteral("chartView"));
    QVERIFY(chartView);
    // The fifth day's bar, low in its stack (the LINE part), where no line runs.
    const QDate day = m_last.addDays(-9);
    const qsizetype row = 4;
    QCOMPARE(view->table()->rows().at(row).value(u"period").toString(), day.toString(Qt::ISODate));
    QVERIFY(view->table()->rows().at(row).value(u"line").toInteger() > 0);
    const QPoint bar = ChartTools::positionOf(chartView, view->periodScale(), row, 0.01);
    QVERIFY(chartView->viewport()->rect().contains(bar));
    // Hover: the period named with its business zone, and its figures.
    QTest::mouseMove(chartView->viewport(), bar);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString tip = QToolTip::text();
    QVERIFY2(tip.contains(QLocale().toString(day, QLocale::LongFormat)), qPrintable(tip));
    QVERIFY2(tip.contains(u"business day in Asia/Bangkok"), qPrintable(tip));
    QVERIFY2(
        tip.contains(
            QStringLiteral("%1 conversations").arg(view->table()->rows().at(row).value(u"conversations").toInteger())),
        qPrintable(tip));
    // Click: the timeline of that day.
    QSignalSpy activated(view, &ChatChartView::periodActivated);
    QTest::mouseClick(chartView->viewport(), Qt::LeftButton, {}, bar);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toDate(), day);
    QCOMPARE(activated.at(0).at(1).toDate(), day);
    QVERIFY(!view->chart()->isZoomed());
}

void TestCharts::clickOnAnInventoryWeekDrillsDown()
{
    // From a Wednesday: the first week starts before the range, so its drill-down starts with the range.
    QDate from = m_last.addDays(-40);
    from = from.addDays(3 - from.dayOfWeek());
    InventoryChartView *view = openInventory(from, m_last);
    QVERIFY(view);
    QSignalSpy loaded(view, &InventoryChartView::loaded);
    choose(view, "granularityCombo", 1); // by week
    QVERIFY(loaded.wait(30000));
    auto *chartView = view->findChild<QChartView *>(QStringLiteral("chartView"));
    const QDate monday = from.addDays(-2);
    QCOMPARE(view->table()->rows().first().value(u"period").toString(), monday.toString(Qt::ISODate));
    QSignalSpy activated(view, &InventoryChartView::periodActivated);
    QTest::mouseClick(
        chartView->viewport(), Qt::LeftButton, {}, ChartTools::positionOf(chartView, view->periodScale(), 0, 0.02));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toDate(), from);
    QCOMPARE(activated.at(0).at(1).toDate(), monday.addDays(6));
    // The second week, whole.
    QTest::mouseClick(
        chartView->viewport(), Qt::LeftButton, {}, ChartTools::positionOf(chartView, view->periodScale(), 1, 0.5));
    QCOMPARE(activated.size(), 2);
    QCOMPARE(activated.at(1).at(0).toDate(), monday.addDays(7));
    QCOMPARE(activated.at(1).at(1).toDate(), monday.addDays(13));
}

void TestCharts::aZoomDragIsNotAClick()
{
    ChatChartView *view = openChat(m_last.addDays(-29), m_last);
    QVERIFY(view);
    auto *chartView = view->findChild<QChartView *>(QStringLiteral("chartView"));
    QSignalSpy activated(view, &ChatChartView::periodActivated);
    const QPoint a = ChartTools::positionOf(chartView, view->periodScale(), 9, 0.5);
    const QPoint b = ChartTools::positionOf(chartView, view->periodScale(), 19, 0.5);
    QTest::mousePress(chartView->viewport(), Qt::LeftButton, {}, a);
    QMouseEvent move(QEvent::MouseMove, b, chartView->viewport()->mapToGlobal(b), Qt::NoButton, Qt::LeftButton, {});
    QApplication::sendEvent(chartView->viewport(), &move);
    QTest::mouseRelease(chartView->viewport(), Qt::LeftButton, {}, b);
    QVERIFY(view->chart()->isZoomed());
    QCOMPARE(activated.size(), 0);
}

void TestCharts::unknownProductSaysSo()
{
    InventoryChartView *view = openInventory(m_last.addDays(-29), m_last);
    QVERIFY(view);
    auto *pages = view->findChild<QStackedWidget *>(QStringLiteral("pages"));
    auto *product = view->findChild<QComboBox *>(QStringLiteral("productCombo"));
    auto *message = view->findChild<QLabel *>(QStringLiteral("emptyLabel"));
    auto *chartView = view->findChild<QChartView *>(QStringLiteral("chartView"));
    QVERIFY(!product->isVisible());
    choose(view, "selectionCombo", 1); // One product: the box shows, nothing is read until a product is typed
    QVERIFY(product->isVisible());
    QSignalSpy loaded(view, &InventoryChartView::loaded);
    product->setFocus();
    QTest::keyClicks(product->lineEdit(), QStringLiteral("P9999"));
    QTest::keyClick(product->lineEdit(), Qt::Key_Return);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(pages->currentWidget(), message);
    QVERIFY(message->isVisible());
    QVERIFY(!chartView->isVisible());
    QVERIFY2(message->text().contains(u"product “P9999”"), qPrintable(message->text()));
    QCOMPARE(view->emptyMessage(), message->text());
    // A product the store has, typed in lower case: its chart, no message.
    product->lineEdit()->selectAll();
    QTest::keyClicks(product->lineEdit(), QStringLiteral("p0003"));
    if (product->completer()->popup()->isVisible())
        QTest::keyClick(product->completer()->popup(), Qt::Key_Escape); // the completions offered: not taken
    QTest::keyClick(product->lineEdit(), Qt::Key_Return);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(product->currentText(), QStringLiteral("P0003"));
    QCOMPARE(pages->currentWidget(), chartView);
    QVERIFY(view->emptyMessage().isEmpty());
    InventorySeriesQuery q;
    q.tenant = m_tenant;
    q.from = m_last.addDays(-29);
    q.to = m_last;
    q.productId = QStringLiteral("P0003");
    auto expected = AnalyticsSeries::inventory(*m_store, q);
    QVERIFY(expected);
    QCOMPARE(view->table()->rows().size(), expected->size());
    for (qsizetype i = 0; i < expected->size(); ++i)
        QCOMPARE(view->table()->rows().at(i), AnalyticsSeries::toJson(expected->at(i)));
}

void TestCharts::productIsCompletedFromTheStore()
{
    InventoryChartView *view = openInventory(m_last.addDays(-6), m_last);
    QVERIFY(view);
    auto catalogue = m_store->inventoryCatalogue(m_tenant);
    QVERIFY(catalogue && catalogue->products.size() > 3);
    auto *product = view->findChild<QComboBox *>(QStringLiteral("productCombo"));
    QCOMPARE(product->count(), catalogue->products.size());
    for (int i = 0; i < product->count(); ++i)
        QCOMPARE(product->itemText(i), catalogue->products.at(i));
    auto *stores = view->findChild<QComboBox *>(QStringLiteral("storeCombo"));
    QCOMPARE(stores->count(), catalogue->stores.size() + 1); // and "All stores"
    // Part of an id, in any case, completes.
    choose(view, "selectionCombo", 1);
    product->setFocus();
    QTest::keyClicks(product->lineEdit(), QStringLiteral("003"));
    QCompleter *completer = product->completer();
    QVERIFY(completer->completionCount() >= 1);
    QCOMPARE(completer->currentCompletion(), QStringLiteral("P0003"));
    // Taken from the list: that product's chart.
    QTRY_VERIFY(completer->popup()->isVisible());
    QSignalSpy loaded(view, &InventoryChartView::loaded);
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(product->currentText(), QStringLiteral("P0003"));
    QVERIFY(view->heading().join(u'\n').contains(u"product P0003"));
}

void TestCharts::topNIsHonouredAndRemembered()
{
    InventoryChartView *view = openInventory(m_last.addDays(-29), m_last);
    QVERIFY(view);
    auto *spin = view->findChild<QSpinBox *>(QStringLiteral("topSpin"));
    QVERIFY(!spin->isVisible());
    QSignalSpy loaded(view, &InventoryChartView::loaded);
    choose(view, "selectionCombo", 2); // Top N by value
    QVERIFY(spin->isVisible());
    QVERIFY(loaded.wait(30000));
    QCOMPARE(spin->value(), 10); // the default
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("3"));
    QTest::keyClick(spin, Qt::Key_Return);
    QVERIFY(loaded.wait(30000));
    InventorySeriesQuery q;
    q.tenant = m_tenant;
    q.from = m_last.addDays(-29);
    q.to = m_last;
    q.topN = 3;
    auto top3 = AnalyticsSeries::inventory(*m_store, q);
    q.topN = 10;
    auto top10 = AnalyticsSeries::inventory(*m_store, q);
    QVERIFY(top3 && top10);
    QVERIFY(top3->at(5).closing != top10->at(5).closing); // the test can tell them apart
    QCOMPARE(view->table()->rows().size(), top3->size());
    for (qsizetype i = 0; i < top3->size(); ++i)
        QCOMPARE(view->table()->rows().at(i), AnalyticsSeries::toJson(top3->at(i)));
    QVERIFY(view->heading().join(u'\n').contains(u"top 3 products"));
    // Remembered: a new chart starts with 3.
    QCOMPARE(QSettings().value(QStringLiteral("charts/inventoryTopN")).toInt(), 3);
    InventoryChartView another;
    QCOMPARE(another.findChild<QSpinBox *>(QStringLiteral("topSpin"))->value(), 3);
}

void TestCharts::emptyRangeSaysWhy()
{
    const QDate from = m_last.addDays(10), to = m_last.addDays(20);
    ChatChartView *chat = openChat(from, to);
    QVERIFY(chat);
    auto *chatMessage = chat->findChild<QLabel *>(QStringLiteral("emptyLabel"));
    QVERIFY(chatMessage->isVisible());
    QVERIFY2(chatMessage->text().contains(from.toString(Qt::ISODate)) && chatMessage->text().contains(u"Asia/Bangkok"),
        qPrintable(chatMessage->text()));
    InventoryChartView *inventory = openInventory(from, to);
    QVERIFY(inventory);
    auto *message = inventory->findChild<QLabel *>(QStringLiteral("emptyLabel"));
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"No inventory data"), qPrintable(message->text()));
    // The table still lists the periods, each without data.
    inventory->findChild<QToolButton *>(QStringLiteral("tableButton"))->click();
    QVERIFY(!message->isVisible());
    QCOMPARE(inventory->table()->rowCount(), 11);
}

void TestCharts::pngExportHasTitleRangeAndFilters()
{
    InventoryChartView *view = openInventory(m_last.addDays(-29), m_last);
    QVERIFY(view);
    QSignalSpy loaded(view, &InventoryChartView::loaded);
    choose(view, "storeCombo", 2); // STORE002
    QVERIFY(loaded.wait(30000));
    const QStringList heading = view->heading();
    QCOMPARE(heading.size(), 3);
    QVERIFY2(heading.at(0).startsWith(u"Inventory trends"), qPrintable(heading.at(0)));
    QVERIFY2(heading.at(1).contains(m_last.addDays(-29).toString(Qt::ISODate))
            && heading.at(1).contains(m_last.toString(Qt::ISODate)) && heading.at(1).contains(u"Asia/Bangkok"),
        qPrintable(heading.at(1)));
    QVERIFY2(heading.at(2).contains(u"store STORE002"), qPrintable(heading.at(2)));

    const QString path = m_dir.filePath(QStringLiteral("inventory.png"));
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY(qobject_cast<QFileDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        dialog->selectFile(path);
        QMetaObject::invokeMethod(dialog, "accept"); // a slot, protected in QFileDialog
    });
    view->findChild<QToolButton *>(QStringLiteral("pngButton"))->click();
    QImage image(path);
    QVERIFY(!image.isNull());
    auto *chartView = view->findChild<QChartView *>(QStringLiteral("chartView"));
    const QImage chart = chartView->grab().toImage();
    QCOMPARE(image.width(), chart.width());
    QVERIFY(image.height() > chart.height() + 40);
    // Below the heading, the chart itself; in the heading, text (pixels unlike the background).
    const int top = image.height() - chart.height();
    QCOMPARE(image.copy(0, top, chart.width(), chart.height()).convertToFormat(QImage::Format_RGB32),
        chart.convertToFormat(QImage::Format_RGB32));
    int ink = 0;
    const QRgb background = image.pixel(1, 1);
    for (int y = 0; y < top; ++y) {
        for (int x = 0; x < image.width(); ++x)
            ink += image.pixel(x, y) != background;
    }
    QVERIFY(ink > 500);
    // And it is the heading's text: the file is that heading drawn over the chart, and another heading differs.
    const auto rgb = [](const QImage &i) { return i.convertToFormat(QImage::Format_RGB32); };
    QCOMPARE(rgb(ChartTools::exportImage(chartView, heading)), rgb(image));
    QVERIFY(rgb(ChartTools::exportImage(chartView, { heading.at(0), heading.at(1), QStringLiteral("Filters: other") }))
        != rgb(image));
}

void TestCharts::monthlyReportFollowsMonthAndStore()
{
    auto *view = new MonthlyInventoryView;
    m_view.reset(view);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        view->table(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view->resize(1280, 720);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view));
    QSignalSpy loaded(view, &MonthlyInventoryView::loaded);
    view->setStore(m_store, m_tenant);
    view->setMonth(m_last.addMonths(-1));
    QTRY_VERIFY_WITH_TIMEOUT(
        !loaded.isEmpty() && view->month() == QDate(m_last.addMonths(-1).year(), m_last.addMonths(-1).month(), 1),
        30000);
    QTRY_COMPARE_WITH_TIMEOUT(view->lines().isEmpty(), false, 30000);
    MonthlyInventoryQuery q;
    q.tenant = m_tenant;
    q.month = view->month();
    auto expected = m_store->monthlyInventory(q);
    QVERIFY(expected);
    QTRY_COMPARE_WITH_TIMEOUT(view->lines(), *expected, 30000);
    QCOMPARE(view->table()->rowCount(), int(expected->size()));
    QCOMPARE(view->table()->index(0, 0).data().toString(), expected->first().productId);
    // Sorted by the column whose header is clicked, numbers as numbers: the least closing stock first.
    auto *table = view->findChild<QTableView *>(QStringLiteral("table"));
    QVERIFY(table);
    QCOMPARE(table->model()->index(0, 0).data().toString(), expected->first().productId);
    QHeaderView *header = table->horizontalHeader();
    const int closingColumn = 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
        QPoint(header->sectionViewportPosition(closingColumn) + header->sectionSize(closingColumn) / 2,
            header->height() / 2));
    double least = std::numeric_limits<double>::max();
    for (const QJsonObject &row : view->table()->rows())
        least = std::min(least, row.value(u"closing_stock").toDouble());
    QCOMPARE(header->sortIndicatorSection(), closingColumn);
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder); // a new column sorts ascending first
    QCOMPARE(table->model()->index(0, closingColumn).data(Qt::EditRole).toDouble(), least);
    for (int r = 1; r < table->model()->rowCount(); ++r)
        QVERIFY(table->model()->index(r - 1, closingColumn).data(Qt::EditRole).toDouble()
            <= table->model()->index(r, closingColumn).data(Qt::EditRole).toDouble());
    // One store, chosen from the stores the tenant has.
    auto *stores = view->findChild<QComboBox *>(QStringLiteral("storeCombo"));
    QTRY_VERIFY_WITH_TIMEOUT(stores->count() > 1, 30000);
    loaded.clear();
    stores->setCurrentIndex(1);
    Q_EMIT stores->activated(1);
    QVERIFY(loaded.wait(30000));
    q.storeCode = stores->itemData(1).toString();
    auto oneStore = m_store->monthlyInventory(q);
    QVERIFY(oneStore);
    QCOMPARE(view->lines(), *oneStore);
    QVERIFY(view->findChild<QToolButton *>(QStringLiteral("csvButton"))->isEnabled());
    // A month without data says so, and there is nothing to export.
    loaded.clear();
    view->setMonth(m_last.addMonths(3));
    QVERIFY(loaded.wait(30000));
    QVERIFY(view->lines().isEmpty());
    QVERIFY(!view->findChild<QToolButton *>(QStringLiteral("csvButton"))->isEnabled());
    QVERIFY(!view->findChild<QLabel *>(QStringLiteral("statusLabel"))->text().isEmpty());
}

void TestCharts::trainingExportFromTheChatTab()
{
    ChatChartView *view = openChat(m_last.addDays(-29), m_last);
    QVERIFY(view);
    QSignalSpy exported(view, &ChatChartView::trainingExported);
    const QString path = m_dir.filePath(QStringLiteral("training.jsonl"));
    TrainingExport::Options options;
    options.types = { QStringLiteral("order_created") };
    view->exportTraining(options, path);
    QVERIFY(!view->findChild<QToolButton *>(QStringLiteral("trainingButton"))->isEnabled()); // one at a time
    QVERIFY(exported.wait(60000));
    const qint64 written = exported.first().at(0).toLongLong();
    QVERIFY2(exported.first().at(1).toString().isEmpty(), qPrintable(exported.first().at(1).toString()));
    QVERIFY(written > 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(qint64(file.readAll().count('\n')), written);
    QVERIFY2(view->trainingStatusText().contains(QString::number(written)), qPrintable(view->trainingStatusText()));
    QVERIFY(view->findChild<QToolButton *>(QStringLiteral("trainingButton"))->isEnabled());
    // An export that cannot be written says why, and leaves nothing.
    exported.clear();
    view->exportTraining(options, m_dir.filePath(QStringLiteral("no/such/folder/t.jsonl")));
    QVERIFY(exported.wait(60000));
    QVERIFY(!exported.first().at(1).toString().isEmpty());
    QVERIFY2(
        view->trainingStatusText().contains(QStringLiteral("cannot write")), qPrintable(view->trainingStatusText()));
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
