// SPDX-License-Identifier: Apache-2.0
// What counts as English left in the Chinese UI, shared by the GUI tests that walk pages in zh_CN.
#pragma once

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QWidget>

#include <set>

namespace zh_check {

// ---- What counts as English left in a Chinese UI -------------------------------------------
// Allowed in zh_CN text (documented in docs/translation.md):
//  - numbers, single letters and point ids (C, L, TL, K12, r2c3), symbols and units;
//  - file names (*.json, *.pdf, ...), paths, URLs, and any run of printable ASCII that contains
//    a digit (session ids, model numbers such as PR-670, clauses such as A.4, ST 431-1); the run
//    stops at a space or a Chinese character, so English glued to Chinese is still found;
//  - the shipped profile ids (st431-1-theatre, dci-direct-view-sdr-theatre);
//  - commands in backquotes (`cinemeasure patterns`): typed as shown, in any language;
//  - names in corner brackets (「PTPIP Simulator」): what a device calls itself, its own words;
//  - colour codes (#ffffff);
//  - the names and abbreviations below: standards bodies and standards, colour spaces, units,
//    file formats, and instrument makers and product names.
inline const QSet<QString>& allowedWords() {
    static const QSet<QString> words = {
        // the program
        QStringLiteral("cinemeasure"),
        // standards bodies, standards and their terms
        QStringLiteral("SMPTE"),
        QStringLiteral("ST"),
        QStringLiteral("RP"),
        QStringLiteral("DCI"),
        QStringLiteral("DVD"),
        QStringLiteral("ISO"),
        QStringLiteral("AWI"),
        QStringLiteral("DY"),
        QStringLiteral("GB"),
        QStringLiteral("ILAC"),
        QStringLiteral("CIE"),
        QStringLiteral("IEC"),
        QStringLiteral("ICDM"),
        QStringLiteral("IDMS"),
        QStringLiteral("DCDM"),
        QStringLiteral("EOTF"),
        QStringLiteral("PQ"),
        QStringLiteral("SDR"),
        QStringLiteral("HDR"),
        QStringLiteral("LED"),
        QStringLiteral("CCT"),
        QStringLiteral("RGB"),
        QStringLiteral("XYZ"),
        QStringLiteral("UTC"),
        QStringLiteral("CTP"),
        // units and quantities
        QStringLiteral("cd"),
        QStringLiteral("fL"),
        QStringLiteral("nm"),
        QStringLiteral("lx"),
        QStringLiteral("xy"),
        QStringLiteral("min"),
        QStringLiteral("max"),
        // formats, transports
        QStringLiteral("PDF"),
        QStringLiteral("JSON"),
        QStringLiteral("CSV"),
        QStringLiteral("USB"),
        QStringLiteral("PTP"),
        QStringLiteral("IP"),
        QStringLiteral("ID"),
        QStringLiteral("PNG"),
        QStringLiteral("PostgreSQL"),
        QStringLiteral("SQLite"),
        // instrument makers and product names
        QStringLiteral("Photo"),
        QStringLiteral("Research"),
        QStringLiteral("SpectraScan"),
        QStringLiteral("Konica"),
        QStringLiteral("Minolta"),
        QStringLiteral("Klein"),
        QStringLiteral("Instruments"),
        QStringLiteral("JETI"),
        QStringLiteral("argyll"),
        QStringLiteral("ColorMunki"),
        QStringLiteral("Spyder"),
        QStringLiteral("Colorimetry"),  // Colorimetry Research, a maker
        QStringLiteral("specbos"),
        QStringLiteral("Argyll"),
        QStringLiteral("ArgyllCMS"),
        QStringLiteral("spotread"),
        QStringLiteral("gphoto"),
        QStringLiteral("libgphoto"),
        QStringLiteral("Esc"),
        QStringLiteral("Tab"),
        QStringLiteral("Shift"),
        QStringLiteral("Enter"),
        QStringLiteral("Space"),
    };
    return words;
}

inline std::set<QString>& profileIds() {
    static std::set<QString> ids;
    return ids;
}

/// The English words left in `text` after the allowed tokens are removed.
inline QStringList englishWords(QString text) {
    static const QRegularExpression skip(QStringLiteral(
        R"(`[^`]+`|「[^」]*」|#[0-9A-Fa-f]{6}\b|\w+://[!-~]+|[!-~]+\.(json|pdf|csv|db|qm|png|tif|tiff|dng|txt|md)\b|(/[\w.\-]+)+/?|)"
        R"([!-~]*\d[!-~]*)"));
    for (const QString& id : profileIds()) {
        text.replace(id, QStringLiteral(" "));
    }
    text.replace(skip, QStringLiteral(" "));
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
    QStringList left;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString w = it.next().captured();
        const bool pointId = w.size() <= 2 && w == w.toUpper();  // TL, BR, ...
        if (!pointId && !allowedWords().contains(w)) {
            left << w;
        }
    }
    return left;
}

inline QString plain(const QString& text) {
    if (Qt::mightBeRichText(text)) {
        QTextDocument d;
        d.setHtml(text);
        return d.toPlainText();
    }
    return text;
}

/// Every text a user sees on `root` and its visible children: labels, buttons, group titles,
/// placeholders, combo items, tab titles, table headers and cells, list items, tooltips, window
/// titles, menu entries. Line edits' contents are what the operator typed and are not checked.
inline QStringList visibleTexts(QWidget* root) {
    QStringList out;
    auto add = [&](const QObject* o, const QString& what, const QString& text) {
        const QString t = plain(text).trimmed();
        if (!t.isEmpty()) {
            out << o->objectName() + QLatin1Char('/') + what + QStringLiteral(": ") + t;
        }
    };
    QList<QWidget*> all = root->findChildren<QWidget*>();
    all.prepend(root);
    for (QWidget* w : all) {
        if (w != root && !w->isVisibleTo(root)) {
            continue;
        }
        add(w, QStringLiteral("tooltip"), w->toolTip());
        if (w->isWindow()) {
            add(w, QStringLiteral("title"), w->windowTitle());
        }
        if (auto* l = qobject_cast<QLabel*>(w)) {
            add(w, QStringLiteral("label"), l->text());
        } else if (auto* b = qobject_cast<QAbstractButton*>(w)) {
            add(w, QStringLiteral("button"), b->text());
        } else if (auto* g = qobject_cast<QGroupBox*>(w)) {
            add(w, QStringLiteral("group"), g->title());
        } else if (auto* e = qobject_cast<QLineEdit*>(w)) {
            add(w, QStringLiteral("placeholder"), e->placeholderText());
        } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
            for (int i = 0; i < combo->count(); ++i) {
                if (!combo->isEditable()) {
                    add(w, QStringLiteral("item"), combo->itemText(i));
                }
                add(w, QStringLiteral("item tooltip"),
                    combo->itemData(i, Qt::ToolTipRole).toString());
            }
        } else if (auto* tabs = qobject_cast<QTabWidget*>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                add(w, QStringLiteral("tab"), tabs->tabText(i));
            }
        } else if (auto* t = qobject_cast<QTableWidget*>(w)) {
            for (int c = 0; c < t->columnCount(); ++c) {
                if (auto* h = t->horizontalHeaderItem(c)) {
                    add(w, QStringLiteral("header"), h->text());
                }
            }
            for (int r = 0; r < t->rowCount(); ++r) {
                for (int c = 0; c < t->columnCount(); ++c) {
                    if (auto* i = t->item(r, c)) {
                        add(w, QStringLiteral("cell"), i->text());
                        add(w, QStringLiteral("cell tooltip"), i->toolTip());
                    }
                }
            }
        } else if (auto* list = qobject_cast<QListWidget*>(w)) {
            for (int i = 0; i < list->count(); ++i) {
                add(w, QStringLiteral("list"), list->item(i)->text());
            }
        } else if (auto* tb = qobject_cast<QTextBrowser*>(w)) {
            add(w, QStringLiteral("text"), tb->toPlainText());
        } else if (auto* pt = qobject_cast<QPlainTextEdit*>(w); pt && pt->isReadOnly()) {
            // A read-only log the program writes (what the user types is not translated).
            add(w, QStringLiteral("log"), pt->toPlainText());
        } else if (auto* s = qobject_cast<QAbstractSpinBox*>(w)) {
            add(w, QStringLiteral("special"), s->specialValueText());
            if (auto* ss = qobject_cast<QDoubleSpinBox*>(w)) {
                add(w, QStringLiteral("suffix"), ss->suffix());
            }
        } else if (auto* m = qobject_cast<QMenuBar*>(w)) {
            for (QAction* a : m->actions()) {
                add(w, QStringLiteral("menu"), a->text());
            }
        }
    }
    return out;
}

/// "widget/kind: text  [words]" for each visible text with English left.
inline QStringList englishLeft(QWidget* root) {
    QStringList bad;
    for (const QString& t : visibleTexts(root)) {
        const QString text = t.section(QStringLiteral(": "), 1);
        const QStringList words = englishWords(text);
        if (!words.isEmpty()) {
            bad << t + QStringLiteral("   [") + words.join(QLatin1Char(' ')) + QLatin1Char(']');
        }
    }
    return bad;
}

}  // namespace zh_check

#define VERIFY_NO_ENGLISH(root, page)                                                           \
    do {                                                                                        \
        const QStringList bad_ = zh_check::englishLeft(root);                                   \
        for (const QString& b_ : bad_) {                                                        \
            qWarning("%s: %s", page, qPrintable(b_));                                           \
        }                                                                                       \
        QVERIFY2(bad_.isEmpty(), qPrintable(QStringLiteral(page ": English left in zh_CN:\n") + \
                                            bad_.join(QLatin1Char('\n'))));                     \
    } while (false)
