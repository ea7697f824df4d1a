// SPDX-License-Identifier: Apache-2.0
// libgphoto2 wrapper: abilities and port lookup, config tree, capture, files, storage; errors are
// classified with the PTP response code the library logs (it is not returned through the API).
#include "drivers/transport/gphoto_camera.h"

#include <gphoto2/gphoto2.h>

#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <mutex>
#include <regex>

namespace cm::drivers {

using camera::CameraError;
using camera::CameraErrorKind;

namespace camera {
const char* toString(CameraErrorKind kind) {
    switch (kind) {
        case CameraErrorKind::Busy:
            return "busy";
        case CameraErrorKind::Disconnected:
            return "disconnected";
        case CameraErrorKind::CardFull:
            return "card full";
        case CameraErrorKind::Timeout:
            return "timeout";
        case CameraErrorKind::UnsupportedSetting:
            return "unsupported setting";
        case CameraErrorKind::NotFound:
            return "not found";
        case CameraErrorKind::Protocol:
            return "protocol";
        case CameraErrorKind::Device:
            return "device";
    }
    return "?";
}
}  // namespace camera

namespace {

// PTP response codes (ISO 15740 Table 27) that decide a kind when libgphoto2 only says GP_ERROR.
constexpr std::uint16_t kPtpGeneralError = 0x2002;
constexpr std::uint16_t kPtpStoreFull = 0x200C;
constexpr std::uint16_t kPtpDeviceBusy = 0x2019;
constexpr std::uint16_t kPtpDevicePropNotSupported = 0x200A;
constexpr std::uint16_t kPtpInvalidDevicePropValue = 0x201C;

/// The last PTP code the library logged as failed on this thread. libgphoto2 calls log functions
/// on the thread that made the API call, so a thread_local keeps cameras on other threads apart.
thread_local std::uint16_t tLastPtpCode = 0;

/// libgphoto2 2.5.30 ptpip.c: every socket read waits PTPIP_DEFAULT_TIMEOUT_S (2) s +
/// PTPIP_DEFAULT_TIMEOUT_MS (500) ms; a little less to allow for timer granularity.
constexpr auto kPtpIpReadTimeout = std::chrono::milliseconds(2400);

void onGphotoLog(GPLogLevel, const char*, const char* str, void*) {
    // "'ptp_initiatecapture(...)' failed: Device Busy (0x2019)" and C_PTP_REP's variant end in
    // "(0xNNNN)"; other error lines (socket errors) carry no code.
    static const std::regex kCode(R"(failed: .*\(0x([0-9a-fA-F]{4})\)\s*$)");
    std::cmatch m;
    if (str != nullptr && std::regex_search(str, m, kCode)) {
        tLastPtpCode = static_cast<std::uint16_t>(std::strtoul(m[1].str().c_str(), nullptr, 16));
    }
}

/// The error-log hook, attached only while a control call runs. libgphoto2 2.5.30 formats a hex
/// dump of every PTP data packet (gp_log_data) as soon as any log function is registered, whatever
/// its level: attached during a download it cost ~30 % of a wall job's CPU. Reference-counted, so
/// overlapping calls on several threads keep it until the last one ends.
class LogHook {
public:
    LogHook() {
        const std::lock_guard<std::mutex> lock(mutex());
        if (count()++ == 0) {
            id() = gp_log_add_func(GP_LOG_ERROR, onGphotoLog, nullptr);
        }
    }
    ~LogHook() {
        const std::lock_guard<std::mutex> lock(mutex());
        if (--count() == 0 && id() >= 0) {
            gp_log_remove_func(id());
        }
    }
    LogHook(const LogHook&) = delete;
    LogHook& operator=(const LogHook&) = delete;

private:
    static std::mutex& mutex() {
        static std::mutex m;
        return m;
    }
    static int& count() {
        static int n = 0;
        return n;
    }
    static int& id() {
        static int i = -1;
        return i;
    }
};

void onContextError(GPContext*, const char* text, void* data) {
    *static_cast<std::string*>(data) = text != nullptr ? text : "";
}

/// libgphoto2's PTP/IP port writes to its sockets with write(): a camera that resets the
/// connection would kill the process with SIGPIPE. Block it on this thread for the duration of
/// a library call and consume any SIGPIPE raised meanwhile, leaving the process's disposition
/// alone (the write then fails with EPIPE and the library reports an I/O error).
class SigpipeGuard {
public:
    SigpipeGuard() {
        sigset_t pipe;
        sigemptyset(&pipe);
        sigaddset(&pipe, SIGPIPE);
        sigset_t pending;
        sigpending(&pending);
        was_pending_ = sigismember(&pending, SIGPIPE) == 1;
        pthread_sigmask(SIG_BLOCK, &pipe, &old_);
    }
    ~SigpipeGuard() {
        if (!was_pending_) {
            sigset_t pending;
            sigpending(&pending);
            if (sigismember(&pending, SIGPIPE) == 1) {
                sigset_t pipe;
                sigemptyset(&pipe);
                sigaddset(&pipe, SIGPIPE);
                const timespec zero{0, 0};
                sigtimedwait(&pipe, nullptr, &zero);
            }
        }
        pthread_sigmask(SIG_SETMASK, &old_, nullptr);
    }
    SigpipeGuard(const SigpipeGuard&) = delete;
    SigpipeGuard& operator=(const SigpipeGuard&) = delete;

private:
    sigset_t old_{};
    bool was_pending_ = false;
};

/// RAII for CameraWidget trees and CameraFile.
struct WidgetTree {
    CameraWidget* w = nullptr;
    ~WidgetTree() {
        if (w != nullptr) {
            gp_widget_free(w);
        }
    }
};
struct FileHolder {
    CameraFile* f = nullptr;
    ~FileHolder() {
        if (f != nullptr) {
            gp_file_unref(f);
        }
    }
};

ConfigWidget describe(CameraWidget* w) {
    ConfigWidget c;
    const char* s = nullptr;
    gp_widget_get_name(w, &s);
    c.name = s != nullptr ? s : "";
    gp_widget_get_label(w, &s);
    c.label = s != nullptr ? s : "";
    int ro = 0;
    gp_widget_get_readonly(w, &ro);
    c.readonly = ro != 0;
    CameraWidgetType t{};
    gp_widget_get_type(w, &t);
    switch (t) {
        case GP_WIDGET_TEXT:
        case GP_WIDGET_RADIO:
        case GP_WIDGET_MENU: {
            c.type = t == GP_WIDGET_TEXT    ? ConfigWidget::Type::Text
                     : t == GP_WIDGET_RADIO ? ConfigWidget::Type::Radio
                                            : ConfigWidget::Type::Menu;
            const char* v = nullptr;
            if (gp_widget_get_value(w, &v) == GP_OK && v != nullptr) {
                c.value = v;
            }
            if (t != GP_WIDGET_TEXT) {
                const int n = gp_widget_count_choices(w);
                for (int i = 0; i < n; ++i) {
                    const char* ch = nullptr;
                    if (gp_widget_get_choice(w, i, &ch) == GP_OK && ch != nullptr) {
                        c.choices.emplace_back(ch);
                    }
                }
            }
            break;
        }
        case GP_WIDGET_RANGE: {
            c.type = ConfigWidget::Type::Range;
            float v = 0;
            gp_widget_get_value(w, &v);
            gp_widget_get_range(w, &c.range_min, &c.range_max, &c.range_step);
            c.value = std::to_string(v);
            break;
        }
        case GP_WIDGET_TOGGLE: {
            c.type = ConfigWidget::Type::Toggle;
            int v = 0;
            gp_widget_get_value(w, &v);
            c.value = std::to_string(v);
            break;
        }
        case GP_WIDGET_DATE: {
            c.type = ConfigWidget::Type::Date;
            int v = 0;
            gp_widget_get_value(w, &v);
            c.value = std::to_string(v);
            break;
        }
        default:
            c.type = ConfigWidget::Type::Other;
            break;
    }
    return c;
}

void collectLeaves(CameraWidget* w, const std::string& prefix, std::vector<ConfigWidget>& out) {
    const char* name = nullptr;
    gp_widget_get_name(w, &name);
    const std::string path = prefix + "/" + (name != nullptr ? name : "");
    const int n = gp_widget_count_children(w);
    if (n <= 0) {
        CameraWidgetType t{};
        gp_widget_get_type(w, &t);
        if (t != GP_WIDGET_WINDOW && t != GP_WIDGET_SECTION) {
            ConfigWidget c = describe(w);
            c.path = path;
            out.push_back(std::move(c));
        }
        return;
    }
    for (int i = 0; i < n; ++i) {
        CameraWidget* child = nullptr;
        if (gp_widget_get_child(w, i, &child) == GP_OK) {
            collectLeaves(child, path, out);
        }
    }
}

}  // namespace

CameraErrorKind classifyGphotoError(int code, std::uint16_t ptp, const std::string& message) {
    if (code == GP_ERROR_CAMERA_BUSY || ptp == kPtpDeviceBusy) {
        return CameraErrorKind::Busy;
    }
    if (code == GP_ERROR_NO_SPACE || ptp == kPtpStoreFull ||
        (code == GP_ERROR_NO_MEMORY && message.find("full") != std::string::npos)) {
        return CameraErrorKind::CardFull;
    }
    if (code == GP_ERROR_TIMEOUT) {
        return CameraErrorKind::Timeout;
    }
    if (code == GP_ERROR_IO || (code <= GP_ERROR_IO_SUPPORTED_SERIAL && code >= GP_ERROR_IO_LOCK)) {
        return CameraErrorKind::Disconnected;
    }
    if (code == GP_ERROR_NOT_SUPPORTED || ptp == kPtpDevicePropNotSupported ||
        ptp == kPtpInvalidDevicePropValue) {
        return CameraErrorKind::UnsupportedSetting;
    }
    if (code == GP_ERROR_MODEL_NOT_FOUND || code == GP_ERROR_UNKNOWN_PORT ||
        code == GP_ERROR_FILE_NOT_FOUND || code == GP_ERROR_DIRECTORY_NOT_FOUND) {
        return CameraErrorKind::NotFound;
    }
    // Without the log hook (downloads) the PTP code is not seen, but the context says it.
    if (code == GP_ERROR_CORRUPTED_DATA || ptp == kPtpGeneralError ||
        (ptp == 0 && message.find("PTP General Error") != std::string::npos)) {
        return CameraErrorKind::Protocol;
    }
    return CameraErrorKind::Device;
}

void GphotoCamera::begin() {
    tLastPtpCode = 0;
    call_start_ = std::chrono::steady_clock::now();
}

void GphotoCamera::check(int result, const std::string& what) {
    if (result >= GP_OK) {
        return;
    }
    const std::uint16_t ptp = tLastPtpCode;
    auto kind = classifyGphotoError(result, ptp, context_error_);
    // libgphoto2's PTP/IP port reports a read timeout as PTP_ERROR_TIMEOUT only if errno survives
    // its perror() call, which it does not when stderr is a regular file (glibc perror dup()s
    // and fdopen()s stderr); it then says PTP_ERROR_IO (0x02ff). The port's only fixed wait is
    // 2 s + 500 ms per read, so an I/O error that took that long is the timeout.
    const auto elapsed = std::chrono::steady_clock::now() - call_start_;
    // During a download the log hook is off (no PTP code is seen), so an unspecified failure
    // after that wait is the same timeout.
    if ((kind == CameraErrorKind::Disconnected || (kind == CameraErrorKind::Device && ptp == 0)) &&
        port_.rfind("ptpip:", 0) == 0 && elapsed >= kPtpIpReadTimeout) {
        kind = CameraErrorKind::Timeout;
    }
    std::string msg = port_ + ": " + what + ": " + gp_result_as_string(result) + " (" +
                      std::to_string(result) + ")";
    if (!context_error_.empty()) {
        msg += "; camera: " + context_error_;
    }
    if (ptp != 0) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "0x%04x", ptp);
        msg += std::string("; PTP response ") + hex;
    }
    context_error_.clear();
    throw CameraError(kind, msg, result, ptp);
}

std::vector<DetectedCamera> GphotoCamera::autodetect() {
    const SigpipeGuard sigpipe;
    const LogHook log;
    GPContext* ctx = gp_context_new();
    CameraList* list = nullptr;
    gp_list_new(&list);
    const int n = gp_camera_autodetect(list, ctx);
    std::vector<DetectedCamera> out;
    for (int i = 0; i < n; ++i) {
        const char* name = nullptr;
        const char* value = nullptr;
        gp_list_get_name(list, i, &name);
        gp_list_get_value(list, i, &value);
        out.push_back({name != nullptr ? name : "", value != nullptr ? value : ""});
    }
    gp_list_free(list);
    gp_context_unref(ctx);
    if (n < 0) {
        throw CameraError(CameraErrorKind::Device,
                          std::string("camera autodetection failed: ") + gp_result_as_string(n), n);
    }
    return out;
}

GphotoCamera::GphotoCamera(const std::string& model, const std::string& port)
    : model_(model), port_(port) {
    const SigpipeGuard sigpipe;
    const LogHook log;
    begin();
    context_ = gp_context_new();
    gp_context_set_error_func(context_, onContextError, &context_error_);
    gp_camera_new(&camera_);
    try {
        if (model_.empty()) {
            if (port_.rfind("ptpip:", 0) == 0) {
                model_ = "PTP/IP Camera";  // what libgphoto2's detection maps ptpip: paths to
            } else {
                for (const auto& d : autodetect()) {
                    if (d.port == port_) {
                        model_ = d.model;
                    }
                }
                if (model_.empty()) {
                    throw CameraError(CameraErrorKind::NotFound,
                                      "no camera detected on " + port_ + "; give its model");
                }
            }
        }
        CameraAbilitiesList* al = nullptr;
        gp_abilities_list_new(&al);
        gp_abilities_list_load(al, context_);
        const int mi = gp_abilities_list_lookup_model(al, model_.c_str());
        CameraAbilities a{};
        if (mi >= 0) {
            gp_abilities_list_get_abilities(al, mi, &a);
        }
        gp_abilities_list_free(al);
        if (mi < 0) {
            throw CameraError(CameraErrorKind::NotFound,
                              "libgphoto2 knows no camera model '" + model_ + "'", mi);
        }
        check(gp_camera_set_abilities(camera_, a), "set abilities");

        GPPortInfoList* pl = nullptr;
        gp_port_info_list_new(&pl);
        gp_port_info_list_load(pl);
        const int pi = gp_port_info_list_lookup_path(pl, port_.c_str());
        if (pi < 0) {
            gp_port_info_list_free(pl);
            throw CameraError(CameraErrorKind::NotFound, "libgphoto2 knows no port '" + port_ + "'",
                              pi);
        }
        GPPortInfo info;
        gp_port_info_list_get_info(pl, pi, &info);
        const int r = gp_camera_set_port_info(camera_, info);
        gp_port_info_list_free(pl);
        check(r, "set port");
        check(gp_camera_init(camera_, context_), "connect to " + model_);
    } catch (...) {
        gp_camera_free(camera_);
        gp_context_unref(context_);
        throw;
    }
}

GphotoCamera::~GphotoCamera() {
    const SigpipeGuard sigpipe;
    // libgphoto2 2.5.30 closes its never-opened PTP/IP "jpgfd" on exit, which is 0 from the
    // zeroed parameters (ptpip.c ptp_ptpip_disconnect): it would close the process's stdin, and
    // the next socket would become fd 0. Keep a duplicate and put it back.
    const int savedStdin = ::fcntl(0, F_GETFD) != -1 ? ::fcntl(0, F_DUPFD_CLOEXEC, 3) : -1;
    gp_camera_exit(camera_, context_);
    if (savedStdin >= 0) {
        if (::fcntl(0, F_GETFD) == -1) {
            ::dup2(savedStdin, 0);
        }
        ::close(savedStdin);
    }
    gp_camera_free(camera_);
    gp_context_unref(context_);
}

std::string GphotoCamera::summary() {
    const SigpipeGuard sigpipe;
    const LogHook log;  // PTP response codes of a failing control call
    begin();
    CameraText text{};
    check(gp_camera_get_summary(camera_, &text, context_), "summary");
    return text.text;
}

std::vector<ConfigWidget> GphotoCamera::listConfig() {
    const SigpipeGuard sigpipe;
    const LogHook log;  // PTP response codes of a failing control call
    begin();
    WidgetTree root;
    check(gp_camera_get_config(camera_, &root.w, context_), "read configuration");
    std::vector<ConfigWidget> out;
    collectLeaves(root.w, "", out);
    return out;
}

std::optional<ConfigWidget> GphotoCamera::findConfig(const std::string& name) {
    const SigpipeGuard sigpipe;
    const LogHook log;  // PTP response codes of a failing control call
    begin();
    WidgetTree w;
    const int r = gp_camera_get_single_config(camera_, name.c_str(), &w.w, context_);
    if (r == GP_ERROR_BAD_PARAMETERS || r == GP_ERROR_NOT_SUPPORTED) {
        context_error_.clear();
        return std::nullopt;  // no widget of that name on this camera
    }
    check(r, "read setting " + name);
    return describe(w.w);
}

void GphotoCamera::setConfig(const std::string& name, const std::string& value) {
    const SigpipeGuard sigpipe;
    const LogHook log;  // PTP response codes of a failing control call
    begin();
    WidgetTree w;
    check(gp_camera_get_single_config(camera_, name.c_str(), &w.w, context_),
          "read setting " + name);
    CameraWidgetType t{};
    gp_widget_get_type(w.w, &t);
    int r = GP_OK;
    if (t == GP_WIDGET_RANGE) {
        const float f = std::strtof(value.c_str(), nullptr);
        r = gp_widget_set_value(w.w, &f);
    } else if (t == GP_WIDGET_TOGGLE || t == GP_WIDGET_DATE) {
        const int i = std::atoi(value.c_str());
        r = gp_widget_set_value(w.w, &i);
    } else {
        r = gp_widget_set_value(w.w, value.c_str());
    }
    check(r, "set " + name + " to " + value);
    check(gp_camera_set_single_config(camera_, name.c_str(), w.w, context_),
          "set " + name + " to " + value);
}

CameraFilePath GphotoCamera::capture() {
    const SigpipeGuard sigpipe;
    const LogHook log;  // PTP response codes of a failing control call
    begin();
    ::CameraFilePath p{};
    check(gp_camera_capture(camera_, GP_CAPTURE_IMAGE, &p, context_), "capture");
    return {p.folder, p.name};
}

std::vector<CameraFilePath> GphotoCamera::waitForAddedFiles(std::chrono::milliseconds wait) {
    const SigpipeGuard sigpipe;
    const LogHook log;  // PTP response codes of a failing control call
    begin();
    std::vector<CameraFilePath> out;
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return out;
        }
        CameraEventType type{};
        void* data = nullptr;
        check(gp_camera_wait_for_event(camera_, static_cast<int>(left.count()), &type, &data,
                                       context_),
              "wait for camera events");
        if (type == GP_EVENT_FILE_ADDED && data != nullptr) {
            const auto* p = static_cast<::CameraFilePath*>(data);
            out.push_back({p->folder, p->name});
        }
        std::free(data);
        if (type == GP_EVENT_TIMEOUT || type == GP_EVENT_CAPTURE_COMPLETE) {
            return out;
        }
    }
}

namespace {

/// The CameraFileHandler's private data: the sink and what it threw (a C callback cannot let
/// an exception through libgphoto2).
struct SinkState {
    const GphotoCamera::FileSink* sink = nullptr;
    std::exception_ptr failure;
};

int sinkWrite(void* priv, unsigned char* data, std::uint64_t* len) {
    auto* st = static_cast<SinkState*>(priv);
    if (st->failure) {
        return GP_ERROR_IO;
    }
    try {
        (*st->sink)(data, static_cast<std::size_t>(*len));
    } catch (...) {
        st->failure = std::current_exception();
        return GP_ERROR_IO;
    }
    return GP_OK;
}

}  // namespace

void GphotoCamera::fileGet(const CameraFilePath& f, const FileSink& sink) {
    const SigpipeGuard sigpipe;  // no log hook: a download must not pay for packet hex dumps
    begin();
    SinkState state{&sink, nullptr};
    // Only write is used for a download; size and read serve uploads, which we never do.
    CameraFileHandler handler{nullptr, nullptr, sinkWrite};
    FileHolder file;
    check(gp_file_new_from_handler(&file.f, &handler, &state), "download " + f.full());
    const int rc = gp_camera_file_get(camera_, f.folder.c_str(), f.name.c_str(),
                                      GP_FILE_TYPE_NORMAL, file.f, context_);
    if (state.failure) {
        std::rethrow_exception(state.failure);  // the sink's own error (disk full, …) first
    }
    check(rc, "download " + f.full());
}

std::vector<std::uint8_t> GphotoCamera::fileGet(const CameraFilePath& f) {
    std::vector<std::uint8_t> out;
    fileGet(f, [&out](const std::uint8_t* p, std::size_t n) { out.insert(out.end(), p, p + n); });
    return out;
}

std::optional<std::uint64_t> GphotoCamera::fileSize(const CameraFilePath& f) {
    const SigpipeGuard sigpipe;
    const LogHook log;  // PTP response codes of a failing control call
    begin();
    CameraFileInfo info{};
    check(gp_camera_file_get_info(camera_, f.folder.c_str(), f.name.c_str(), &info, context_),
          "file info " + f.full());
    if ((info.file.fields & GP_FILE_INFO_SIZE) != 0) {
        return info.file.size;
    }
    return std::nullopt;
}

void GphotoCamera::fileDelete(const CameraFilePath& f) {
    const SigpipeGuard sigpipe;
    const LogHook log;  // PTP response codes of a failing control call
    begin();
    check(gp_camera_file_delete(camera_, f.folder.c_str(), f.name.c_str(), context_),
          "delete " + f.full());
}

std::vector<StorageSpace> GphotoCamera::storage() {
    const SigpipeGuard sigpipe;
    const LogHook log;  // PTP response codes of a failing control call
    begin();
    CameraStorageInformation* sifs = nullptr;
    int n = 0;
    check(gp_camera_get_storageinfo(camera_, &sifs, &n, context_), "storage information");
    std::vector<StorageSpace> out;
    for (int i = 0; i < n; ++i) {
        StorageSpace s;
        if ((sifs[i].fields & GP_STORAGEINFO_BASE) != 0) {
            s.base = sifs[i].basedir;
        }
        if ((sifs[i].fields & GP_STORAGEINFO_FREESPACEKBYTES) != 0) {
            s.free_bytes = sifs[i].freekbytes * 1024ull;
        }
        if ((sifs[i].fields & GP_STORAGEINFO_FREESPACEIMAGES) != 0) {
            s.free_images = sifs[i].freeimages;
        }
        out.push_back(s);
    }
    std::free(sifs);
    return out;
}

}  // namespace cm::drivers
