// SPDX-License-Identifier: Apache-2.0
// Loads the UI translation compiled into the binary (":/i18n/cinemeasure_<lang>.qm").
#pragma once

#include <QString>

class QCoreApplication;

namespace cm::gui {

/// Installs the translation for `lang` ("zh_CN"; empty: the system locale). English needs none.
/// Returns true when a translation was installed.
bool installTranslation(QCoreApplication& app, const QString& lang);

}  // namespace cm::gui
