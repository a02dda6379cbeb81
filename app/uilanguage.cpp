#include "uilanguage.h"

#include <QActionGroup>
#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

namespace UiLanguage {

namespace {
const QString Key = QStringLiteral("ui/language");

// The standard buttons' texts, as Qt asks for them (QPlatformTheme::defaultStandardButtonText), listed so that lupdate
// puts them in our own .ts files: Debian's Qt translations (qt6-translations-l10n) have no Thai, and without these the
// Open, Cancel, Yes and No of every dialog stayed English in the Thai console.
[[maybe_unused]] const char *const standardButtons[] = {
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    // The GNOME and GTK themes ask for their own few.
    QT_TRANSLATE_NOOP("QGnomeTheme", "&OK"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Save"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Close"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "Close without Saving"),
};

QLocale localeFor(const QString &language)
{
    if (language == u"th")
        return QLocale(QLocale::Thai, QLocale::Thailand);
    if (language == u"ja")
        return QLocale(QLocale::Japanese, QLocale::Japan);
    return QLocale(QLocale::English, QLocale::UnitedStates);
}
} // namespace

QStringList available()
{
    return { QStringLiteral("en"), QStringLiteral("th"), QStringLiteral("ja") };
}

QString configured()
{
    const QString language = QSettings().value(Key).toString();
    return available().contains(language) ? language : QString();
}

void setConfigured(const QString &language)
{
    if (language.isEmpty())
        QSettings().remove(Key);
    else
        QSettings().setValue(Key, language);
}

QString effective()
{
    if (const QString chosen = configured(); !chosen.isEmpty())
        return chosen;
    const QString system = QLocale::system().name().section(u'_', 0, 0);
    return available().contains(system) ? system : QStringLiteral("en");
}

void install(const QString &forced)
{
    const QString language = available().contains(forced) ? forced : effective();
    // The system locale already says how its language writes numbers and dates; an override sets its own.
    const bool followsSystem = forced.isEmpty() && configured().isEmpty();
    if (!followsSystem || language == u"en")
        QLocale::setDefault(followsSystem ? QLocale::system() : localeFor(language));
    if (language == u"en")
        return;
    auto *own = new QTranslator(qApp);
    if (own->load(QStringLiteral(":/i18n/snapscope_%1.qm").arg(language)))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(qApp); // Qt's own dialogs and buttons, where Debian ships them
    if (qt->load(QStringLiteral("qtbase_%1").arg(language), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

void addMenu(QMenu *view, QWidget *parent)
{
    QMenu *menu = view->addMenu(QCoreApplication::translate("UiLanguage", "&Language"));
    auto *group = new QActionGroup(menu);
    const QString current = configured();
    const std::pair<QString, QString> choices[] = {
        { QString(), QCoreApplication::translate("UiLanguage", "System default") },
        { QStringLiteral("en"), QStringLiteral("English") },
        { QStringLiteral("th"), QStringLiteral("ไทย (Thai)") },
        { QStringLiteral("ja"), QStringLiteral("日本語 (Japanese)") },
    };
    for (const auto &[language, label] : choices) {
        QAction *action = menu->addAction(label);
        action->setCheckable(true);
        action->setChecked(language == current);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, parent, [parent, language = language] {
            setConfigured(language);
            QMessageBox::information(parent, QCoreApplication::translate("UiLanguage", "Language"),
                QCoreApplication::translate(
                    "UiLanguage", "SnapScope will use the new language the next time it starts."));
        });
    }
}

} // namespace UiLanguage
