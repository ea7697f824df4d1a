// SPDX-License-Identifier: Apache-2.0
// The session browser: every session in the journal (site, auditorium, date, operator, profile,
// status including "interrupted", readings) in a sortable table, with resume, open the report,
// export and archive. The rows come from app/common (the same query as `cinemeasure sessions`).
#pragma once

#include <QWidget>

#include <filesystem>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace cm::gui {

class SessionsPage : public QWidget {
    Q_OBJECT
public:
    explicit SessionsPage(std::filesystem::path db, QWidget* parent = nullptr);

    /// Reads the journal off the UI thread; `loaded` or `failed` follows.
    void refresh();
    /// The selected session's id ("" when none).
    QString selectedSession() const;
    /// Writes the session's report as pdf, json or csv into `file` off the UI thread (an existing
    /// file moves to previous-<time>/ beside it); `exported` or `failed` follows.
    void exportSession(const QString& id, const QString& format, const QString& file);
    /// Column of each field in the table.
    enum Column { Site, Auditorium, Date, Operator, Profile, Status, Readings, Session, Count };

signals:
    void backClicked();
    /// `port`: the instrument's port for a field session (asked for), empty for a simulation.
    void resumeRequested(const QString& session_id, const QString& out_dir, const QString& port);
    void loaded(int sessions);
    void exported(const QString& file);
    void archived(const QString& session_id);
    void failed(const QString& message);

private:
    void updateButtons();
    /// Resume: a simulated session at once; a field session after asking for the meter's port
    /// (the one it was measured on proposed first).
    void resumeSelected();
    void showError(const QString& message);
    void archiveSelected();
    void openReport();
    QString selectedOutDir() const;

    std::filesystem::path db_;
    QLineEdit* site_;
    QComboBox* status_;
    QTableWidget* table_;
    QPushButton* resume_;
    QPushButton* open_;
    QComboBox* format_;
    QPushButton* export_;
    QPushButton* archive_;
    QLabel* message_;
};

/// A session status as shown (running, paused, interrupted, complete, archived, …), translated.
QString sessionStatusText(const QString& status);

}  // namespace cm::gui
