// SPDX-License-Identifier: Apache-2.0
// cinemeasure-gui: the field inspector's Qt front end.
#include "app/common/data_paths.h"
#include "app/common/session/session_store.h"
#include "app/gui/i18n.h"
#include "app/gui/main_window.h"
#include "app/gui/theme.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("cinemeasure-gui"));
    QApplication::setApplicationVersion(QStringLiteral(CINEMEASURE_VERSION));
    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Cinema screen certification"));
    cli.addHelpOption();
    cli.addVersionOption();
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("UI language (en, zh_CN); default: the system's"),
                                  QStringLiteral("code"));
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("Session database (default: $CINEMEASURE_DB or "
                                               "~/.local/share/cinemeasure/sessions.db)"),
                                QStringLiteral("file"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Shipped data (profiles, virtual theatres)"),
                                     QStringLiteral("dir"));
    const QCommandLineOption theme(QStringLiteral("theme"),
                                   QStringLiteral("dark (default, for a dark auditorium) or light"),
                                   QStringLiteral("name"), QStringLiteral("dark"));
    cli.addOptions({lang, db, dataDir, theme});
    cli.process(app);
    if (cli.isSet(dataDir)) {
        cm::app::setDataDirOverride(cli.value(dataDir).toStdString());
    }
    cm::gui::installTranslation(app, cli.value(lang));
    if (cli.value(theme) == QLatin1String("light")) {
        cm::gui::applyLightTheme(app);
    } else {
        cm::gui::applyDarkTheme(app);
    }
    cm::gui::MainWindow w(cli.isSet(db) ? std::filesystem::path(cli.value(db).toStdString())
                                        : cm::app::SessionStore::defaultPath());
    w.show();
    return QApplication::exec();
}
