// SPDX-License-Identifier: Apache-2.0
// Camera driver: setting tables and value matching, capture, verified download, safe delete.
#include "drivers/camera/device.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <optional>
#include <regex>
#include <sstream>

namespace cm::drivers::camera {

namespace fs = std::filesystem;

namespace {

/// Nominal and actual values of one setting differ by rounding (1/60 vs 0.0166 s); neighbouring
/// values of a 1/3-stop scale are 1/3 stop apart. Half of that separates "same" from "other".
constexpr double kMatchToleranceStops = 1.0 / 6.0;

/// How long after a capture further files of the same exposure (RAW+JPEG) may be announced.
constexpr std::chrono::milliseconds kExtraFilesWait{300};

/// Labels libgphoto2 2.5.30 gives image-format choices (config.c tables), in order of
/// preference when a format is asked for (finest JPEG first).
struct FormatLabel {
    const char* label;
    ImageFormat format;
};
constexpr FormatLabel kFormatLabels[] = {
    {"RAW", ImageFormat::Raw},
    {"NEF (Raw)", ImageFormat::Raw},
    {"RAW (DNG)", ImageFormat::Raw},
    {"TIFF", ImageFormat::Tiff},
    {"TIFF (RGB)", ImageFormat::Tiff},
    {"Large Fine JPEG", ImageFormat::Jpeg},
    {"JPEG Fine", ImageFormat::Jpeg},
    {"Extra Fine", ImageFormat::Jpeg},
    {"Fine", ImageFormat::Jpeg},
    {"JPEG Normal", ImageFormat::Jpeg},
    {"Large Normal JPEG", ImageFormat::Jpeg},
    {"Standard", ImageFormat::Jpeg},
    {"JPEG Basic", ImageFormat::Jpeg},
};

/// Cameras whose format property uses vendor-defined codes libgphoto2 cannot name: the choice
/// text is "Unknown value NNNN". One row per (camera model, code).
struct ModelFormatCode {
    const char* device_model;
    const char* choice;
    ImageFormat format;
};
constexpr ModelFormatCode kModelFormatCodes[] = {
    // The PTP/IP simulator (drivers/camera/ptpip_simulator.cpp, kFormatCodes).
    {"PTPIP Simulator", "Unknown value 0000", ImageFormat::Jpeg},
    {"PTPIP Simulator", "Unknown value 0001", ImageFormat::Tiff},
    {"PTPIP Simulator", "Unknown value 0002", ImageFormat::Raw},
};

double stopsApart(Setting s, double a, double b) {
    const double d = std::fabs(std::log2(a / b));
    return s == Setting::Aperture ? 2.0 * d : d;  // one stop = √2 in f-number
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) {
        out += (out.empty() ? "" : ", ") + s;
    }
    return out;
}

/// Streaming 64-bit checksum of a byte sequence, independent of how it is cut into pieces: the
/// download is hashed as it arrives and the file again as it reads back from disk, so a verified
/// download needs no copy of the file in memory. Words of 8 bytes (little-endian) folded by
/// multiply-xorshift (the mixing step of SplitMix64, Steele et al. 2014); a wrong byte anywhere
/// changes it with probability 1 − 2⁻⁶⁴.
class StreamChecksum {
public:
    void add(const std::uint8_t* p, std::size_t n) {
        count_ += n;
        while (n > 0 && fill_ > 0 && fill_ < 8) {  // finish a word begun by the last piece
            tail_[fill_++] = *p++;
            --n;
        }
        if (fill_ == 8) {
            word(load(tail_));
            fill_ = 0;
        }
        for (; n >= 8; n -= 8, p += 8) {
            word(load(p));
        }
        while (n > 0) {
            tail_[fill_++] = *p++;
            --n;
        }
    }
    std::uint64_t value() const {
        std::uint8_t last[8] = {};
        std::memcpy(last, tail_, fill_);
        StreamChecksum c = *this;
        c.word(load(last) ^ (static_cast<std::uint64_t>(fill_) << 56));
        c.word(count_);
        return c.h_;
    }
    std::uint64_t size() const { return count_; }

private:
    static std::uint64_t load(const std::uint8_t* p) {
        std::uint64_t v = 0;
        std::memcpy(&v, p, 8);
        return v;
    }
    void word(std::uint64_t w) {
        std::uint64_t z = (h_ ^ w) + 0x9E3779B97F4A7C15ull;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        h_ = z ^ (z >> 31);
    }
    std::uint64_t h_ = 0x243F6A8885A308D3ull;
    std::uint64_t count_ = 0;
    std::uint8_t tail_[8] = {};
    std::size_t fill_ = 0;
};

/// The file's checksum read back in 1 MiB pieces; nullopt when it cannot be read.
std::optional<StreamChecksum> checksumOfFile(const fs::path& p) {
    const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return std::nullopt;
    }
    std::vector<std::uint8_t> buf(std::size_t{1} << 20);
    StreamChecksum c;
    for (;;) {
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0) {
            break;
        }
        c.add(buf.data(), static_cast<std::size_t>(n));
    }
    ::close(fd);
    return c;
}

/// A file written piece by piece and fsynced, so a verified file survives a crash right after
/// the camera deletes it. Removes itself unless committed.
class DurableFile {
public:
    explicit DurableFile(fs::path p) : path_(std::move(p)) {
        fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd_ < 0) {
            throw DownloadStorageError("cannot create " + path_.string() + ": " +
                                       std::strerror(errno));
        }
    }
    ~DurableFile() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        if (!kept_) {
            std::error_code ec;
            fs::remove(path_, ec);  // never leave half a capture behind
        }
    }
    DurableFile(const DurableFile&) = delete;
    DurableFile& operator=(const DurableFile&) = delete;

    void write(const std::uint8_t* p, std::size_t size) {
        std::size_t off = 0;
        while (off < size) {
            const ssize_t n = ::write(fd_, p + off, size - off);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                throw DownloadStorageError("cannot write " + path_.string() + ": " +
                                           std::strerror(errno));
            }
            off += static_cast<std::size_t>(n);
        }
    }
    void sync() {
        const bool ok = ::fsync(fd_) == 0;
        const int syncErrno = errno;
        ::close(fd_);
        fd_ = -1;
        if (!ok) {
            throw DownloadStorageError("cannot sync " + path_.string() + ": " +
                                       std::strerror(syncErrno));
        }
    }
    void keep() { kept_ = true; }

private:
    fs::path path_;
    int fd_ = -1;
    bool kept_ = false;
};

fs::path unusedName(const fs::path& dir, const std::string& name) {
    fs::path p = dir / name;
    const std::string stem = fs::path(name).stem().string();
    const std::string ext = fs::path(name).extension().string();
    for (int i = 1; fs::exists(p); ++i) {
        p = dir / (stem + "_" + std::to_string(i) + ext);
    }
    return p;
}

}  // namespace

const char* toString(Setting s) {
    switch (s) {
        case Setting::Iso:
            return "ISO";
        case Setting::Shutter:
            return "shutter";
        case Setting::Aperture:
            return "aperture";
        case Setting::Format:
            return "image format";
    }
    return "?";
}

const std::vector<SettingSpec>& settingTable() {
    static const std::vector<SettingSpec> kTable = {
        {Setting::Iso, {"iso", "isospeed", "exposureindex"}},
        {Setting::Shutter, {"shutterspeed", "shutterspeed2", "exposuretime", "eos-shutterspeed"}},
        {Setting::Aperture, {"f-number", "aperture", "fnumber"}},
        {Setting::Format, {"imageformat", "imagequality", "capturequality"}},
    };
    return kTable;
}

std::optional<double> parseSettingText(Setting s, const std::string& text) {
    std::smatch m;
    switch (s) {
        case Setting::Iso: {
            static const std::regex kIso(R"(^\s*(?:ISO\s*)?([0-9]+)\s*$)", std::regex::icase);
            if (std::regex_match(text, m, kIso)) {
                return std::stod(m[1]);
            }
            return std::nullopt;
        }
        case Setting::Shutter: {
            static const std::regex kFrac(R"(^\s*([0-9]+)/([0-9]+)\s*s?\s*$)");
            static const std::regex kDec(R"(^\s*([0-9]*\.?[0-9]+)\s*(?:s|sec|")?\s*$)");
            if (std::regex_match(text, m, kFrac)) {
                const double den = std::stod(m[2]);
                return den > 0 ? std::optional(std::stod(m[1]) / den) : std::nullopt;
            }
            if (std::regex_match(text, m, kDec)) {
                const double v = std::stod(m[1]);
                return v > 0 ? std::optional(v) : std::nullopt;
            }
            return std::nullopt;
        }
        case Setting::Aperture: {
            static const std::regex kF(R"(^\s*(?:f/?|F/?)?\s*([0-9]*\.?[0-9]+)\s*$)");
            if (std::regex_match(text, m, kF)) {
                const double v = std::stod(m[1]);
                return v > 0 ? std::optional(v) : std::nullopt;
            }
            return std::nullopt;
        }
        case Setting::Format:
            return std::nullopt;
    }
    return std::nullopt;
}

double parseSettingInput(Setting s, const std::string& text) {
    const auto v = parseSettingText(s, text);
    if (!v || !std::isfinite(*v) || *v <= 0) {
        throw CameraError(CameraErrorKind::UnsupportedSetting,
                          std::string("cannot read ") + toString(s) + " value '" + text + "'");
    }
    return *v;
}

std::optional<std::string> nearestChoice(Setting s, double wanted,
                                         const std::vector<std::string>& choices) {
    if (!(wanted > 0) || !std::isfinite(wanted)) {
        return std::nullopt;
    }
    std::optional<std::string> best;
    double bestStops = kMatchToleranceStops + 1e-9;
    for (const auto& c : choices) {
        const auto v = parseSettingText(s, c);
        if (!v) {
            continue;
        }
        const double d = stopsApart(s, *v, wanted);
        if (d <= bestStops) {
            bestStops = d;
            best = c;
        }
    }
    return best;
}

std::optional<ImageFormat> formatOfChoice(const std::string& model, const std::string& choice) {
    for (const auto& r : kModelFormatCodes) {
        if (model == r.device_model && choice == r.choice) {
            return r.format;
        }
    }
    for (const auto& l : kFormatLabels) {
        if (choice == l.label) {
            return l.format;
        }
    }
    return std::nullopt;
}

CameraDevice::CameraDevice(std::string model, std::string port)
    : model_(std::move(model)), port_(std::move(port)) {
    reconnect();
}

GphotoCamera& CameraDevice::cam() {
    if (!cam_) {
        reconnect();
    }
    return *cam_;
}

void CameraDevice::reconnect() {
    cam_.reset();  // closes the old connection first: PTP/IP cameras serve one host at a time
    cam_ = std::make_unique<GphotoCamera>(model_, port_);
    std::istringstream in(cam_->summary());
    std::string line;
    while (std::getline(in, line)) {
        const auto at = line.find("Model:");
        if (at != std::string::npos && device_model_.empty()) {
            device_model_ = line.substr(at + 6);
            device_model_.erase(0, device_model_.find_first_not_of(" \t"));
            device_model_.erase(device_model_.find_last_not_of(" \t\r") + 1);
        }
    }
}

std::optional<ConfigWidget> CameraDevice::findWidget(Setting s) {
    for (const auto& spec : settingTable()) {
        if (spec.setting != s) {
            continue;
        }
        for (const auto& name : spec.widgets) {
            if (auto w = cam().findConfig(name)) {
                return w;
            }
        }
    }
    return std::nullopt;
}

std::optional<SettingValue> CameraDevice::read(Setting s) {
    const auto w = findWidget(s);
    if (!w) {
        return std::nullopt;
    }
    SettingValue v;
    v.setting = s;
    v.widget = w->name;
    v.text = w->value;
    v.choices = w->choices;
    if (s == Setting::Format) {
        v.format = formatOfChoice(device_model_, w->value);
    } else {
        v.number = parseSettingText(s, w->value);
    }
    return v;
}

void CameraDevice::set(Setting s, double value) {
    if (s == Setting::Format) {
        throw CameraError(CameraErrorKind::UnsupportedSetting, "use setFormat for image format");
    }
    const auto w = findWidget(s);
    if (!w) {
        throw CameraError(CameraErrorKind::UnsupportedSetting,
                          port_ + ": camera has no " + toString(s) + " setting");
    }
    if (w->readonly) {
        throw CameraError(
            CameraErrorKind::UnsupportedSetting,
            port_ + ": " + toString(s) + " is read-only on this camera (" + w->name + ")");
    }
    std::string choice;
    if (w->type == ConfigWidget::Type::Radio || w->type == ConfigWidget::Type::Menu) {
        const auto c = nearestChoice(s, value, w->choices);
        if (!c) {
            std::ostringstream os;
            os << port_ << ": " << toString(s) << " " << value
               << " is not offered (choices: " << joined(w->choices) << ")";
            throw CameraError(CameraErrorKind::UnsupportedSetting, os.str());
        }
        choice = *c;
    } else {
        std::ostringstream os;
        os << value;
        choice = os.str();
    }
    cam().setConfig(w->name, choice);
}

void CameraDevice::setFormat(ImageFormat f) {
    const auto w = findWidget(Setting::Format);
    if (!w) {
        throw CameraError(CameraErrorKind::UnsupportedSetting,
                          port_ + ": camera has no image format setting");
    }
    // Preference order: the model's own code table, then the label table's order.
    for (const auto& r : kModelFormatCodes) {
        if (device_model_ == r.device_model && r.format == f &&
            std::find(w->choices.begin(), w->choices.end(), r.choice) != w->choices.end()) {
            cam().setConfig(w->name, r.choice);
            return;
        }
    }
    for (const auto& l : kFormatLabels) {
        if (l.format == f &&
            std::find(w->choices.begin(), w->choices.end(), l.label) != w->choices.end()) {
            cam().setConfig(w->name, l.label);
            return;
        }
    }
    throw CameraError(CameraErrorKind::UnsupportedSetting,
                      port_ + ": image format " + toString(f) + " is not offered by " +
                          device_model_ + " (choices: " + joined(w->choices) + ")");
}

std::vector<DownloadedFile> CameraDevice::capture(const fs::path& dir, bool keep_on_camera) {
    for (const auto& s : cam().storage()) {
        if ((s.free_images && *s.free_images == 0) || (s.free_bytes && *s.free_bytes == 0)) {
            throw CameraError(CameraErrorKind::CardFull,
                              port_ + ": card " + s.base + " is full; nothing was captured");
        }
    }
    const CameraFilePath first = cam().capture();
    pending_.push_back(first);
    for (const auto& f : cam().waitForAddedFiles(kExtraFilesWait)) {
        if (f.full() != first.full()) {
            pending_.push_back(f);
        }
    }
    return downloadPending(dir, keep_on_camera);
}

std::vector<DownloadedFile> CameraDevice::downloadPending(const fs::path& dir,
                                                          bool keep_on_camera) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        throw CameraError(CameraErrorKind::Device,
                          "cannot create " + dir.string() + ": " + ec.message());
    }
    std::vector<DownloadedFile> out;
    while (!pending_.empty()) {
        out.push_back(downloadOne(pending_.front(), dir, keep_on_camera));
        pending_.erase(pending_.begin());
    }
    return out;
}

DownloadedFile CameraDevice::downloadOne(const CameraFilePath& f, const fs::path& dir,
                                         bool keep_on_camera) {
    const auto stated = cam().fileSize(f);
    const fs::path target = unusedName(dir, f.name);
    const fs::path part = target.string() + ".part";
    // Straight from libgphoto2 to the disk, hashed on the way; the file read back must hash the
    // same. No copy of the file stays in memory (a 102 MP DNG is 612 MB).
    StreamChecksum received;
    {
        std::optional<DurableFile> out;
        try {
            out.emplace(part);
            cam().fileGet(f, [&](const std::uint8_t* p, std::size_t n) {
                out->write(p, n);
                received.add(p, n);
            });
            out->sync();
        } catch (const DownloadStorageError& e) {
            throw DownloadStorageError(std::string(e.what()) + "; the file stays on the camera");
        }
        if (stated && *stated != received.size()) {
            throw CameraError(CameraErrorKind::Protocol,
                              port_ + ": " + f.full() + ": received " +
                                  std::to_string(received.size()) + " bytes, the camera states " +
                                  std::to_string(*stated) + "; the file stays on the camera");
        }
        const auto onDisk = checksumOfFile(part);
        if (!onDisk || onDisk->size() != received.size() || onDisk->value() != received.value()) {
            throw DownloadStorageError(
                part.string() + " does not read back as written; the file stays on the camera");
        }
        out->keep();
    }
    fs::rename(part, target);
    DownloadedFile d{f, target, received.size(), false};
    if (!keep_on_camera) {
        cam().fileDelete(f);
        d.deleted_on_camera = true;
    }
    return d;
}

}  // namespace cm::drivers::camera
