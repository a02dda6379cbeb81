#include <QApplication>
#include <QLocale>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

#include "items/money.h"
#include "uilanguage.h"

// The Thai and Japanese translations are embedded and load; a sample of strings from the main window, the case
// view, the forms and the model translate; the language sets the locale that formats numbers, dates and money.
class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void embeddedCatalogsTranslate_data();
    void embeddedCatalogsTranslate();
    void languageSetsTheLocale();
};

void TestTranslations::embeddedCatalogsTranslate_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("th window") << "th"
                               << "MainWindow"
                               << "Cases"
                               << "เคส";
    QTest::newRow("ja window") << "ja"
                               << "MainWindow"
                               << "Cases"
                               << "ケース";
    QTest::newRow("th menu") << "th"
                             << "MainWindow"
                             << "&File"
                             << "ไฟล์ (&F)";
    QTest::newRow("ja menu") << "ja"
                             << "MainWindow"
                             << "&File"
                             << "ファイル(&F)";
    QTest::newRow("th form") << "th"
                             << "CaseView"
                             << "Export &PDF…"
                             << "ส่งออก PDF (&P)…";
    QTest::newRow("ja form") << "ja"
                             << "CaseView"
                             << "Export &PDF…"
                             << "PDF をエクスポート(&P)…";
    QTest::newRow("th kind") << "th"
                             << "Kind"
                             << "Daily inventory"
                             << "สินค้าคงคลังรายวัน";
    QTest::newRow("ja kind") << "ja"
                             << "Kind"
                             << "Daily inventory"
                             << "日次在庫";
    QTest::newRow("th model") << "th"
                              << "CaseTimeline"
                              << "status %1 → %2"
                              << "สถานะ %1 → %2";
    QTest::newRow("ja model") << "ja"
                              << "CaseAssembler"
                              << "phone"
                              << "電話番号";
    QTest::newRow("ja inspector") << "ja"
                                  << "SnapshotInspector"
                                  << "Copy JSON Pointer"
                                  << "JSON Pointer をコピー";
    QTest::newRow("th retention") << "th"
                                  << "RetentionReason"
                                  << "pinned (legal hold)"
                                  << "ปักหมุด (ระงับตามกฎหมาย)";
    // Qt's standard buttons ask our catalogs: Debian has no Thai Qt catalog.
    QTest::newRow("th button") << "th"
                               << "QPlatformTheme"
                               << "Open"
                               << "เปิด";
    QTest::newRow("ja button") << "ja"
                               << "QPlatformTheme"
                               << "Cancel"
                               << "キャンセル";
    QTest::newRow("th entity label") << "th"
                                     << "Kind"
                                     << "order id"
                                     << "รหัสคำสั่งซื้อ";
}

void TestTranslations::embeddedCatalogsTranslate()
{
    QFETCH(QString, language);
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QTranslator translator;
    QVERIFY2(translator.load(QStringLiteral(":/i18n/snapscope_%1.qm").arg(language)), "the .qm is not embedded");
    QCOMPARE(translator.language(), language == u"th" ? QStringLiteral("th_TH") : QStringLiteral("ja_JP"));
    QCOMPARE(translator.translate(context.toUtf8(), source.toUtf8()), expected);
    // Plural forms: one form in both languages, with the number in it.
    const QString plural = translator.translate("CaseView", "%n order(s) match \"%1\".", nullptr, 3);
    QVERIFY2(plural.contains(QStringLiteral("%n")) && plural.contains(QStringLiteral("%1")), qPrintable(plural));
}

void TestTranslations::languageSetsTheLocale()
{
    UiLanguage::install(QStringLiteral("ja"));
    QCOMPARE(QLocale().language(), QLocale::Japanese);
    QCOMPARE(QCoreApplication::translate("MainWindow", "Maintenance"), QStringLiteral("メンテナンス"));
    QVERIFY(QLocale().toCurrencyString(1234.5).contains(QStringLiteral("￥")));
    // Money in the tenant's currency, written the locale's way: yen without a minor unit, baht with two decimals.
    QCOMPARE(Money::format(1234.4, QStringLiteral("JPY")), QStringLiteral("￥1,234"));
    QCOMPARE(Money::format(1234.5, QStringLiteral("THB"), QLocale(QLocale::Thai, QLocale::Thailand)),
        QStringLiteral("฿1,234.50"));
    QCOMPARE(Money::format(1234.5, QStringLiteral("THB"), QLocale(QLocale::German, QLocale::Germany)),
        QStringLiteral("1.234,50\u00A0฿"));
    QVERIFY(!QLocale().toString(QDate(2026, 11, 23), QLocale::LongFormat).isEmpty());
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // no language configured in the user's settings
    TestTranslations test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_translations.moc"
