#pragma once

#include <QString>
#include <QStringList>

class QMenu;
class QWidget;

// The console's language: the system locale's when SnapScope has a translation for it (Thai, Japanese), else
// English; View → Language overrides it (remembered in QSettings "ui/language", applied at the next start). The
// default QLocale follows the language, so numbers, dates and money are written the way its readers expect.
namespace UiLanguage {

QStringList available(); // "en", "th", "ja"
QString configured(); // empty: follow the system
void setConfigured(const QString &language);
// The language to show: the override, else the system's if translated, else "en".
QString effective();
// Loads SnapScope's (and Qt's own) translations for effective() and sets the default QLocale. Call once, after the
// application object exists and before any window is built. `forced` (the --lang option) wins over both.
void install(const QString &forced = {});
// View → Language: System default, English, ไทย, 日本語.
void addMenu(QMenu *view, QWidget *parent);

} // namespace UiLanguage
