// CSV rendering: one row per reading with luminance in cd/m² and both chromaticity spaces.
#include "app/common/report/report_csv.h"

#include <cstdio>
#include <sstream>

namespace cm::app {

namespace {
std::string quoted(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) {
        return s;
    }
    std::string out = "\"";
    for (char c : s) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}
std::string num(double v, const char* fmt) {
    char buf[48];
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}
}  // namespace

std::string reportReadingsCsv(const report::CertificationReport& r) {
    std::ostringstream os;
    os << "step,point,repeat,timestamp_utc,X,Y,Z,luminance_cdm2,x,y,u_prime,v_prime,"
          "integration_time_s,instrument_model,instrument_serial\n";
    for (const auto& rr : r.readings) {
        const auto& xyz = rr.reading.xyz_cdm2;
        const auto xy = colorimetry::toXY(xyz);
        const auto uv = colorimetry::toUV(xyz);
        os << quoted(rr.step_id) << ',' << quoted(rr.point_id) << ',' << rr.repeat << ','
           << rr.reading.timestamp_utc << ',' << num(xyz.X, "%.6g") << ',' << num(xyz.Y, "%.6g")
           << ',' << num(xyz.Z, "%.6g") << ',' << num(xyz.Y, "%.6g") << ',' << num(xy.x, "%.5f")
           << ',' << num(xy.y, "%.5f") << ',' << num(uv.u_prime, "%.5f") << ','
           << num(uv.v_prime, "%.5f") << ',' << num(rr.reading.integration_time_s, "%.4g") << ','
           << quoted(rr.reading.instrument.model) << ',' << quoted(rr.reading.instrument.serial)
           << '\n';
    }
    return os.str();
}

}  // namespace cm::app
