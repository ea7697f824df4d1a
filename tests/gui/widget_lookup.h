// SPDX-License-Identifier: Apache-2.0
// Finding widgets, actions, combo items and table columns by name in the GUI tests (one copy for
// every tests/gui/*.cpp); a missing one stops the test with its name.
#pragma once

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>
#include <QWidget>

namespace gui_test {

/// The child widget of `root` with the object name `name`; a fatal error when there is none.
template <typename T>
T* child(QWidget* root, const char* name) {
    T* w = root->findChild<T*>(QString::fromLatin1(name));
    if (w == nullptr) {
        qFatal("no widget '%s'", name);
    }
    return w;
}

/// The action of `root` (a menu or toolbar entry) with the object name `name`.
inline QAction* action(QWidget* root, const char* name) {
    auto* a = root->findChild<QAction*>(QString::fromLatin1(name));
    if (a == nullptr) {
        qFatal("no action '%s'", name);
    }
    return a;
}

/// The object name of the page the main window shows (its "pages" stack).
inline QString currentPage(QWidget& window) {
    return child<QStackedWidget>(&window, "pages")->currentWidget()->objectName();
}

/// Chooses the first item whose data (an id or a file path) ends with `endsWith`: independent of
/// the UI language, which only changes the shown text.
inline void selectData(QComboBox* combo, const QString& endsWith) {
    for (int i = 0; i < combo->count(); ++i) {
        if (combo->itemData(i).toString().endsWith(endsWith)) {
            combo->setCurrentIndex(i);
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no item with data ") + endsWith));
}

/// The index of the column headed `header`; a fatal error when there is none.
inline int column(QTableWidget* t, const QString& header) {
    for (int i = 0; i < t->columnCount(); ++i) {
        if (t->horizontalHeaderItem(i)->text() == header) {
            return i;
        }
    }
    qFatal("no column %s", qPrintable(header));
}

/// Back to English: removes (and deletes) every installed UI translation.
inline void removeTranslations() {
    for (QTranslator* t : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

}  // namespace gui_test
