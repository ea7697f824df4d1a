// SPDX-License-Identifier: Apache-2.0
// Translation loading from the embedded resources.
#include "app/gui/i18n.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace cm::gui {

bool installTranslation(QCoreApplication& app, const QString& lang) {
    const QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    auto* translator = new QTranslator(&app);
    // Finds cinemeasure_zh_CN.qm for zh_CN, and falls back to cinemeasure_zh.qm if ever shipped.
    if (translator->load(locale, QStringLiteral("cinemeasure"), QStringLiteral("_"),
                         QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(translator);
        return true;
    }
    delete translator;
    return false;
}

}  // namespace cm::gui
