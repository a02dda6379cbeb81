#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>

#include <cstdio>
#include <optional>

#include "appidentity.h"
#include "domain/kindregistry.h"
#include "domain/pii.h"
#include "mainwindow.h"
#include "screenshotdriver.h"
#include "store/connectionspec.h"
#include "store/snapshotstore.h"
#include "uilanguage.h"

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    setSnapScopeIdentity();
    QGuiApplication::setDesktopFileName(QStringLiteral("io.snapscope.SnapScope"));
    QIcon icon;
    for (int size : { 32, 64, 256 })
        icon.addFile(QStringLiteral(":/icons/io.snapscope.SnapScope-%1.png").arg(size));
    QApplication::setWindowIcon(icon);
    QApplication::setApplicationDisplayName(QStringLiteral("SnapScope"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SnapScope: a console for business snapshots."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"), QStringLiteral("SQLite database file."), QStringLiteral("file"));
    const QCommandLineOption pgOption(QStringLiteral("pg"),
        QStringLiteral("PostgreSQL connection as libpq keywords; password from SNAPSCOPE_PGPASSWORD or ~/.pgpass."),
        QStringLiteral("conninfo"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QStringLiteral("Render the main window once its data is shown, save it as PNG and exit."),
        QStringLiteral("file"));
    const QCommandLineOption viewOption(QStringLiteral("view"),
        QStringLiteral(
            "The view to open: timeline (default), inventory, chat, state (the inspector's State at, with "
            "--entity), or a maintenance page: snapshot, cleanup, trash, schedules, audit, integrity, strategy."),
        QStringLiteral("view"));
    const QCommandLineOption entityOption(QStringLiteral("entity"),
        QStringLiteral("Open one entity's timeline with its newest version inspected, e.g. order:ORD-TH-000007."),
        QStringLiteral("kind:id"));
    const QCommandLineOption caseOption(QStringLiteral("case"),
        QStringLiteral("Open the Cases view on what a search finds (order id, customer id, chat session or phone)."),
        QStringLiteral("text"));
    const QCommandLineOption roleOption(QStringLiteral("role"),
        QStringLiteral("support masks customers' contact details, admin shows them (this run only; default: the "
                       "View menu's setting)."),
        QStringLiteral("role"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QStringLiteral("The language for this run: en, th or ja (default: View → Language, else the system's)."),
        QStringLiteral("language"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
        QStringLiteral("The window's size for this run, e.g. 1280x720 (default: as it was left)."),
        QStringLiteral("WxH"));
    parser.addOptions({ dbOption, pgOption, screenshotOption, viewOption, entityOption, caseOption, roleOption,
        langOption, sizeOption });
    parser.process(app);

    const auto fail = [](const QString &message) {
        std::fprintf(stderr, "snapscope: error: %s\n", qPrintable(message));
        return 1;
    };
    if (parser.isSet(dbOption) && parser.isSet(pgOption))
        return fail(QStringLiteral("choose one of --db and --pg"));
    const QString view = parser.value(viewOption);
    const QStringList &maintenancePages = ScreenshotDriver::maintenancePages();
    if (!view.isEmpty() && view != u"timeline" && view != u"inventory" && view != u"chat" && view != u"state"
        && !maintenancePages.contains(view))
        return fail(QStringLiteral("--view: expected timeline, inventory, chat, state, %1; not \"%2\"")
                        .arg(maintenancePages.join(QStringLiteral(", ")), view));
    const QString entityKind = parser.value(entityOption).section(u':', 0, 0);
    const QString entityId = parser.value(entityOption).section(u':', 1);
    if (parser.isSet(entityOption) && (KindRegistry::find(entityKind) == nullptr || entityId.isEmpty()))
        return fail(QStringLiteral("--entity: expected KIND:ID with a known kind, e.g. order:ORD-TH-000007"));
    const std::optional<Access::Role> role = Access::roleFromString(parser.value(roleOption));
    if (parser.isSet(roleOption) && !role)
        return fail(QStringLiteral("--role: expected support or admin, not \"%1\"").arg(parser.value(roleOption)));
    if (view == u"state" && !parser.isSet(entityOption))
        return fail(QStringLiteral("--view state needs --entity KIND:ID (an order or an aggregate)"));

    std::optional<ConnectionSpec> spec;
    if (parser.isSet(pgOption)) {
        auto parsed = ConnectionSpec::fromPgKeywords(parser.value(pgOption));
        if (!parsed)
            return fail(parsed.error().message);
        spec = *parsed;
    } else if (parser.isSet(dbOption)) {
        spec = ConnectionSpec::sqlite(parser.value(dbOption));
    }

    QSize size;
    if (parser.isSet(sizeOption)) {
        const QStringList parts = parser.value(sizeOption).split(u'x');
        bool wOk = false, hOk = false;
        size = parts.size() == 2 ? QSize(parts.at(0).toInt(&wOk), parts.at(1).toInt(&hOk)) : QSize();
        if (!wOk || !hOk || size.width() < 320 || size.height() < 240)
            return fail(QStringLiteral("--size: expected WIDTHxHEIGHT of at least 320x240, e.g. 1280x720; not \"%1\"")
                            .arg(parser.value(sizeOption)));
    }
    if (parser.isSet(langOption) && !UiLanguage::available().contains(parser.value(langOption)))
        return fail(QStringLiteral("--lang: expected en, th or ja, not \"%1\"").arg(parser.value(langOption)));
    UiLanguage::install(parser.value(langOption));
    int exitCode = 0;
    {
        MainWindow window;
        if (role)
            window.setRole(*role);
        ScreenshotDriver driver(
            window, { view, entityKind, entityId, parser.value(caseOption), parser.value(screenshotOption) });
        QObject::connect(&driver, &ScreenshotDriver::finished, &app, [](int code) { QApplication::exit(code); });
        if (size.isValid())
            window.resize(size);
        window.show();
        if (spec)
            window.openStore(*spec, false);
        else
            window.openDefault(); // the last connection, or the demo database (created on first start)
        exitCode = app.exec();
    }
    // The window is gone; work it started (a cleanup told to stop, a count) may still hold a store, which closes when
    // that work ends: openSharedSnapshotStore has the application wait for it as it goes.
    return exitCode;
}
