// Certification run loop shared by the CLI and the GUI.
#include "app/common/certification.h"

#include "app/common/data_paths.h"
#include "libmeasure/evaluation/evaluate_profile.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace cm::app {

SimulatedOperator::SimulatedOperator(std::shared_ptr<drivers::virt::VirtualTheatre> theatre,
                                     geometry::Seat seat)
    : theatre_(std::move(theatre)), seat_(std::move(seat)) {}

void SimulatedOperator::perform(const procedure::MeasurementTask& task) {
    theatre_->show({task.step->stimulus, task.step->eyewear});
    theatre_->aimAt({seat_, task.point.position});
}

ReadingJournal::ReadingJournal(std::filesystem::path file) : file_(std::move(file)) {}

void ReadingJournal::append(const procedure::RecordedReading& r) {
    nlohmann::json j = {
        {"step", r.step_id},
        {"point", r.point_id},
        {"repeat", r.repeat},
        {"X", r.reading.xyz_cdm2.X},
        {"Y", r.reading.xyz_cdm2.Y},
        {"Z", r.reading.xyz_cdm2.Z},
        {"integration_time_s", r.reading.integration_time_s},
        {"timestamp_utc", r.reading.timestamp_utc},
        {"instrument_serial", r.reading.instrument.serial},
    };
    const std::string line = j.dump() + "\n";
    const int fd = ::open(file_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        throw std::runtime_error(file_.string() + ": cannot open journal: " + std::strerror(errno));
    }
    const ssize_t n = ::write(fd, line.data(), line.size());
    const int syncErr = ::fsync(fd);
    ::close(fd);
    if (n != static_cast<ssize_t>(line.size()) || syncErr != 0) {
        throw std::runtime_error(file_.string() + ": journal write failed: " + std::strerror(errno));
    }
}

drivers::virt::TheatreConfig loadTheatreConfig(const std::filesystem::path& file) {
    const std::string text = readTextFile(file);
    const nlohmann::json doc = util::parseJson(text, file.string());
    return drivers::virt::parseTheatreConfig(util::JsonView(doc, file.string()));
}

void runProcedure(procedure::ProcedureRunner& runner, drivers::SpotInstrument& instrument,
                  Operator& op, ReadingJournal* journal, const CertificationObserver& observer) {
    constexpr int kMaxAttempts = 3;  // transient faults (timeouts, garbled replies) get retries
    while (auto task = runner.current()) {
        if (observer.taskStarted) {
            observer.taskStarted(*task);
        }
        op.perform(*task);
        procedure::Reading reading;
        for (int attempt = 1;; ++attempt) {
            try {
                reading = instrument.measure();
                break;
            } catch (const drivers::InstrumentError& e) {
                const bool transient = e.kind() == drivers::ErrorKind::Timeout ||
                                       e.kind() == drivers::ErrorKind::Protocol;
                if (!transient || attempt >= kMaxAttempts) {
                    throw;
                }
            }
        }
        if (observer.readingTaken) {
            observer.readingTaken(*task, reading);
        }
        runner.record(reading);
        if (journal != nullptr) {
            journal->append(runner.readings().back());
        }
    }
}

report::CertificationReport buildReport(const CertificationSetup& setup,
                                        const procedure::ProcedureRunner& runner,
                                        const procedure::InstrumentInfo& instrument) {
    report::CertificationReport rep;
    rep.run = setup.run;
    rep.site = setup.site;
    rep.profile = runner.profile();
    rep.points = setup.points;
    rep.instruments = {instrument};
    rep.readings = runner.readings();
    rep.skipped = runner.skipped();
    rep.notes = runner.notes();
    rep.evaluation = evaluation::evaluateProfile(runner.profile(), runner.readings());
    rep.complete = runner.finished();
    return rep;
}

}  // namespace cm::app
