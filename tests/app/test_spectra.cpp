// SPDX-License-Identifier: Apache-2.0
// Spectra end to end: a certification through a spectroradiometer simulator keeps every
// reading's spectrum in the journal (to the last digit) and in report.json with its XYZ check,
// plots them in the PDF; older journals migrate; other observers in calc and evaluate; the CCSS
// file and the spectral corrections.
#include "app/common/session/session_store.h"
#include "cli_run.h"

#include <sqlite3.h>
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <map>
#include <sstream>

namespace fs = std::filesystem;
using cm::test::cli;

namespace {

/// ȳ of the CIE 1931 2° table (calibration/cie), read here with no project code.
std::map<int, double> ybar1931() {
    std::ifstream in(std::string(CINEMEASURE_CALIBRATION_DIR) + "/cie/cie1931_2deg_xyz_1nm.csv");
    std::string line;
    std::getline(in, line);
    std::map<int, double> y;
    while (std::getline(in, line)) {
        int nm = 0;
        double xb = 0, yb = 0, zb = 0;
        if (std::sscanf(line.c_str(), "%d,%lf,%lf,%lf", &nm, &xb, &yb, &zb) == 4) {
            y[nm] = yb;
        }
    }
    return y;
}

constexpr double kKm = 683.002;  // lm/W, CIE 015:2018 §7.1
// Rounding of the transmitted values (XYZ 5 significant digits on the CS-2000's %.4e).
constexpr double kTransmissionDeltaYPct = 0.1;
constexpr double kTransmissionDeltaUV = 0.0005;

}  // namespace

TEST_CASE("CS-2000 run: spectra in report.json with their XYZ check, in the journal and the PDF",
          "[spectrum][e2e]") {
    const fs::path base = cm::test::freshDir("spectra-cs2000");
    fs::create_directories(base);
    const fs::path db = base / "s.db";
    const auto r = cli("certify --profile rp431-2-theatre --simulate " +
                       cm::test::virtualTheatre("projector-reference.json") +
                       " --instrument cs2000 --time-scale 0.001 --quiet --out " +
                       (base / "out").string() + " --db " + db.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const auto j = cm::test::readJson(base / "out" / "report.json");
    const auto y = ybar1931();
    REQUIRE(!j["readings"].empty());
    for (const auto& rd : j["readings"]) {
        INFO(rd["step"] << " " << rd["point"]);
        REQUIRE(rd["spectrum"].is_object());
        const auto& s = rd["spectrum"];
        CHECK(s["start_nm"] == 380.0);
        CHECK(s["step_nm"] == 1.0);
        CHECK(s["unit"] == "W/(sr m2 nm)");
        REQUIRE(s["values"].size() == 401);
        CHECK(std::abs(s["check"]["delta_Y_pct"].get<double>()) < kTransmissionDeltaYPct);
        CHECK(s["check"]["delta_u_prime_v_prime"].get<double>() < kTransmissionDeltaUV);
        // Y = Km Σ L(λ) ȳ(λ) Δλ, summed here from the table: the instrument's luminance.
        double Y = 0.0;
        for (std::size_t i = 0; i < 401; ++i) {
            Y += s["values"][i].get<double>() * y.at(380 + static_cast<int>(i));
        }
        Y *= kKm;
        const double instrument = rd["Y"].get<double>();
        CHECK(Y == Approx(instrument).epsilon(kTransmissionDeltaYPct / 100).margin(1e-6));
    }
    // The journal holds the same samples, digit for digit, and gives them back.
    cm::app::SessionStore store(db, cm::app::SessionStore::Open::Existing);
    const auto sessions = store.sessions();
    REQUIRE(sessions.size() == 1);
    const auto readings = store.readings(sessions.front().id);
    REQUIRE(readings.size() == j["readings"].size());
    for (std::size_t k = 0; k < readings.size(); ++k) {
        const auto& values = j["readings"][k]["spectrum"]["values"];
        REQUIRE(readings[k].reading.spectral_radiance.size() == values.size());
        CHECK(readings[k].reading.spectrum_start_nm == 380.0);
        CHECK(readings[k].reading.spectrum_step_nm == 1.0);
        for (std::size_t i = 0; i < values.size(); ++i) {
            CHECK(readings[k].reading.spectral_radiance[i] == values[i].get<double>());
        }
    }
    // The PDF plots the white and primary spectra with their check.
    const fs::path txt = base / "report.txt";
    REQUIRE(std::system(
                ("pdftotext -layout " + (base / "out" / "report.pdf").string() + " " + txt.string())
                    .c_str()) == 0);
    const std::string t = cm::test::readText(txt);
    CHECK_THAT(t, Catch::Contains("Spectra: measured spectral radiance"));
    for (const char* stimulus : {"white (white", "red (red", "green (green", "blue (blue"}) {
        CHECK_THAT(t, Catch::Contains(stimulus));
    }
    CHECK_THAT(t, Catch::Contains("XYZ from spectrum vs instrument"));
    fs::remove_all(base);
}

TEST_CASE("journal v5 → v6: spectra written before are read back, small radiances kept exactly",
          "[spectrum][session]") {
    const fs::path base = cm::test::freshDir("spectra-journal");
    fs::create_directories(base);
    const fs::path db = base / "s.db";
    std::string sid;
    // A dark patch's radiance (below 5e-7, which six decimals wrote as 0) and 17-digit values.
    const std::vector<double> dark = {3.2e-9, 1.2345678901234567e-7, 4.9e-7, 0.5};
    {
        cm::app::SessionStore store(db);
        cm::app::SessionInfo info;
        info.profile_id = "rp431-2-theatre";
        info.profile_json = "{}";
        info.source = "test";
        sid = store.createSession(info);
        cm::procedure::RecordedReading r;
        r.step_id = "black";
        r.point_id = "centre";
        r.reading.xyz_cdm2 = {0.01, 0.011, 0.012};
        r.reading.spectrum_start_nm = 380.0;
        r.reading.spectrum_step_nm = 2.0;
        r.reading.spectral_radiance = dark;
        store.appendReading(sid, r);
        const auto back = store.readings(sid);
        REQUIRE(back.size() == 1);
        CHECK(back[0].reading.spectral_radiance == dark);
        CHECK(back[0].reading.spectrum_step_nm == 2.0);
    }
    // Make it a version-5 journal as cinemeasure wrote them: text in the v1 `spectrum` column,
    // no `spectrum_values`.
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
    const char* downgrade =
        "UPDATE readings SET spectrum = '0.000000,0.000000,0.000000,0.500000';"
        "ALTER TABLE readings DROP COLUMN spectrum_values;"
        "ALTER TABLE readings DROP COLUMN averages;"
        "ALTER TABLE readings DROP COLUMN integration_limit_s;"
        "UPDATE meta SET value = '5' WHERE key = 'schema_version';";
    REQUIRE(sqlite3_exec(h, downgrade, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(h);
    cm::app::SessionStore store(db, cm::app::SessionStore::Open::Existing);
    const auto back = store.readings(sid);
    REQUIRE(back.size() == 1);
    // What the old journal held is carried over as it was (its six decimals lost the dark values).
    CHECK(back[0].reading.spectral_radiance == std::vector<double>{0, 0, 0, 0.5});
    // Journals before v7 record no averaging: one exposure at the instrument's default ceiling.
    CHECK(back[0].reading.averages == 1);
    CHECK(back[0].reading.integration_limit_s == 0.0);
    fs::remove_all(base);
}

TEST_CASE("calc: observers 2015_2 and 2015_10, metamerism of two spectra under every observer",
          "[spectrum][observer][cli]") {
    const fs::path base = cm::test::freshDir("spectra-calc");
    fs::create_directories(base);
    // Equal-energy radiance 0.001 W·sr⁻¹·m⁻²·nm⁻¹ over 390–830 nm: x = y = 1/3 for the 2015
    // observers by their construction (CIE 170-2:2015).
    {
        std::ofstream f(base / "e.csv");
        f << "wavelength_nm,radiance\n";
        for (int nm = 390; nm <= 830; ++nm) {
            f << nm << ",0.001\n";
        }
    }
    for (const char* obs : {"2015_2", "2015_10"}) {
        const auto r = cli("calc spectrum --json --observer " + std::string(obs) + " " +
                           (base / "e.csv").string());
        INFO(r.output);
        REQUIRE(r.exit_code == 0);
        const auto j = nlohmann::json::parse(r.output.substr(r.output.find('{')));
        CHECK(j["x"].get<double>() == Approx(1.0 / 3.0).margin(1e-6));
        CHECK(j["y"].get<double>() == Approx(1.0 / 3.0).margin(1e-6));
    }
    // D65 (CIE table) against itself scaled: no metamerism under any observer; D65 against
    // illuminant A: their published 1931 and 1964 chromaticities (CIE 015:2004 Table T.3).
    const std::string cie = std::string(CINEMEASURE_CALIBRATION_DIR) + "/cie/";
    const auto r =
        cli("calc metamerism --json " + cie + "illuminant_D65.csv " + cie + "illuminant_A.csv");
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.output.substr(r.output.find('{')));
    CHECK(j["1931_2"]["x_a"].get<double>() == Approx(0.31271).margin(1e-4));
    CHECK(j["1931_2"]["y_b"].get<double>() == Approx(0.40745).margin(1e-4));
    CHECK(j["1964_10"]["x_a"].get<double>() == Approx(0.31382).margin(1e-4));
    CHECK(j["1964_10"]["x_b"].get<double>() == Approx(0.45117).margin(1e-4));
    for (const char* obs : {"1931_2", "1964_10", "2015_2", "2015_10"}) {
        CHECK(j[obs]["delta_u_prime_v_prime"].get<double>() > 0.05);  // A is far from D65
    }
    fs::remove_all(base);
}

namespace {

// A colorimeter whose channels are A·CMF (CIE 1931), A = [[1, 0.2, 0], [0, 1, 0], [0, 0.1, 0.5]];
// its correction must be A⁻¹ = [[1, −0.2, 0], [0, 1, 0], [0, −0.2, 2]] (row operations by hand).
constexpr double kA[3][3] = {{1, 0.2, 0}, {0, 1, 0}, {0, 0.1, 0.5}};
constexpr double kAinv[3][3] = {{1, -0.2, 0}, {0, 1, 0}, {0, -0.2, 2}};

struct Cmf {
    std::map<int, std::array<double, 3>> v;
};

Cmf cmf1931() {
    std::ifstream in(std::string(CINEMEASURE_CALIBRATION_DIR) + "/cie/cie1931_2deg_xyz_1nm.csv");
    std::string line;
    std::getline(in, line);
    Cmf c;
    while (std::getline(in, line)) {
        int nm = 0;
        std::array<double, 3> a{};
        if (std::sscanf(line.c_str(), "%d,%lf,%lf,%lf", &nm, &a[0], &a[1], &a[2]) == 4) {
            c.v[nm] = a;
        }
    }
    return c;
}

void checkMatrixIsAinv(const nlohmann::json& matrix, double tol) {
    for (int r = 0; r < 3; ++r) {
        for (int k = 0; k < 3; ++k) {
            INFO(r << "," << k);
            CHECK(matrix[r][k].get<double>() == Approx(kAinv[r][k]).margin(tol));
        }
    }
}

}  // namespace

TEST_CASE(
    "corrections from a spectroradiometer's report: CCSS file, spectral-sample and "
    "four-colour fits recover a known colorimeter",
    "[spectrum][correction][cli]") {
    const fs::path base = cm::test::freshDir("spectra-correction");
    fs::create_directories(base);
    const auto run =
        cli("certify --profile rp431-2-theatre --simulate " +
            cm::test::virtualTheatre("projector-reference.json") +
            " --instrument pr6xx --time-scale 0.001 --quiet --out " + (base / "out").string());
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    const std::string report = (base / "out" / "report.json").string();
    const std::string ccss = (base / "screen.ccss").string();
    auto r = cli("correction ccss --from-report " + report + " --out " + ccss +
                 " --display 'Screen 1' --technology 'Xenon projector'");
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("4 spectra (white, red, green, blue)"));
    const std::string text = cm::test::readText(ccss);
    CHECK(text.rfind("CCSS", 0) == 0);
    CHECK_THAT(text, Catch::Contains("SPECTRAL_BANDS \"201\""));  // PR-670: 380–780 nm at 2 nm
    CHECK_THAT(text, Catch::Contains("TECHNOLOGY \"Xenon projector\""));
    CHECK_THAT(text, Catch::Contains("REFERENCE \"PR-670 "));

    // The colorimeter's sensitivities: A·CMF on 360–830 nm.
    const Cmf c = cmf1931();
    {
        std::ofstream f(base / "meter.csv");
        f << "wavelength_nm,r,g,b\n";
        for (const auto& [nm, v] : c.v) {
            f << nm;
            for (int i = 0; i < 3; ++i) {
                f << "," << kA[i][0] * v[0] + kA[i][1] * v[1] + kA[i][2] * v[2];
            }
            f << "\n";
        }
    }
    r = cli("correction fit-spectral --ccss " + ccss + " --sensitivities " +
            (base / "meter.csv").string() + " --out " + (base / "spectral.json").string() +
            " --meter-model K-10-A --meter-serial 9");
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const auto spectral = cm::test::readJson(base / "spectral.json");
    CHECK(spectral["method"] == "spectral-samples");
    CHECK(spectral["screen"] == "Screen 1");
    checkMatrixIsAinv(spectral["matrix"], 1e-6);

    // Four-colour: the colorimeter's XYZ of the four stimuli = A · (XYZ of the CCSS spectra),
    // the latter summed here from the table (Km Σ L·x̄·Δλ, Δλ = 2 nm; values in mW).
    const auto set = cm::test::readText(ccss);
    std::istringstream in(set.substr(set.find("BEGIN_DATA\n") + 11));
    {
        std::ofstream f(base / "meter-rgbw.csv");
        f << "stimulus,X,Y,Z\n";
        std::string id;
        while (in >> id && id != "END_DATA") {
            double xyz[3] = {0, 0, 0};
            for (int k = 0; k < 201; ++k) {
                double mw = 0;
                in >> mw;
                for (int i = 0; i < 3; ++i) {
                    xyz[i] +=
                        kKm * mw / 1000.0 * c.v.at(380 + 2 * k)[static_cast<std::size_t>(i)] * 2.0;
                }
            }
            f << id;
            for (int i = 0; i < 3; ++i) {
                f << "," << std::setprecision(12)
                  << kA[i][0] * xyz[0] + kA[i][1] * xyz[1] + kA[i][2] * xyz[2];
            }
            f << "\n";
        }
    }
    r = cli("correction fit --meter " + (base / "meter-rgbw.csv").string() + " --reference-ccss " +
            ccss + " --out " + (base / "four.json").string() +
            " --screen 'Screen 1' --meter-model K-10-A --meter-serial 9"
            " --reference-model PR-670 --reference-serial 67012345");
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const auto four = cm::test::readJson(base / "four.json");
    CHECK(four["method"] == "four-colour");
    checkMatrixIsAinv(four["matrix"], 1e-6);

    // evaluate --observer: the same spectra seen by the 1964 10° observer give other
    // chromaticity figures; a colorimeter's report has no spectra to do it with.
    const auto e1931 = cli("evaluate " + report + " --profile rp431-2-theatre");
    const auto e1964 = cli("evaluate " + report + " --profile rp431-2-theatre --observer 1964_10");
    INFO(e1964.output);
    REQUIRE(e1931.exit_code == 0);
    REQUIRE(e1964.exit_code == 0);
    CHECK(e1931.output != e1964.output);
    const auto k10 = cli(
        "certify --profile rp431-2-theatre --simulate " +
        cm::test::virtualTheatre("projector-reference.json") +
        " --instrument k10a --time-scale 0.001 --quiet --allow-uncorrected --allow-unfit --out " +
        (base / "k10").string());
    INFO(k10.output);
    REQUIRE(k10.exit_code == 0);
    const auto noSpectra = cli("evaluate " + (base / "k10" / "report.json").string() +
                               " --profile rp431-2-theatre --observer 1964_10");
    CHECK(noSpectra.exit_code == 2);
    CHECK_THAT(noSpectra.output, Catch::Contains("has no spectrum"));
    fs::remove_all(base);
}

TEST_CASE("journal v7: a low-light reading's averages and raised ceiling are read back",
          "[session][low-light]") {
    const fs::path base = cm::test::freshDir("lowlight-journal");
    fs::create_directories(base);
    cm::app::SessionStore store(base / "s.db");
    cm::app::SessionInfo info;
    info.profile_id = "rp431-2-theatre";
    info.profile_json = "{}";
    info.source = "test";
    const std::string sid = store.createSession(info);
    cm::procedure::RecordedReading r;
    r.step_id = "black";
    r.point_id = "centre";
    r.reading.xyz_cdm2 = {0.01, 0.011, 0.012};
    r.reading.integration_time_s = 30.0;
    r.reading.integration_limit_s = 30.0;
    r.reading.averages = 4;
    store.appendReading(sid, r);
    const auto back = store.readings(sid);
    REQUIRE(back.size() == 1);
    CHECK(back[0].reading.averages == 4);
    CHECK(back[0].reading.integration_limit_s == 30.0);
    CHECK(back[0].reading.integration_time_s == 30.0);
    fs::remove_all(base);
}
