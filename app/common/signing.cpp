// SPDX-License-Identifier: Apache-2.0
// Report signing with libsodium's Ed25519 (crypto_sign_detached) and SHA-256 section hashes.
#include "app/common/signing.h"
#include "app/common/storage/safe_file.h"

#include "app/common/data_paths.h"
#include "libmeasure/util/json_view.h"

#include <sodium.h>
#include <sys/stat.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>

namespace cm::app {

namespace {

void initSodium() {
    if (sodium_init() < 0) {
        throw SigningError("libsodium could not be initialised");
    }
}

std::string hex(const unsigned char* data, std::size_t n) {
    std::string out(2 * n + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, n);
    out.pop_back();
    return out;
}

std::vector<unsigned char> unhex(const std::string& h, std::size_t n, const std::string& what,
                                 errors::Kind kind = errors::Kind::Verification) {
    std::vector<unsigned char> out(n);
    std::size_t len = 0;
    if (sodium_hex2bin(out.data(), n, h.c_str(), h.size(), " \n\r\t", &len, nullptr) != 0 ||
        len != n) {
        throw SigningError(what + ": not a valid " + std::to_string(n) + "-byte hex key", kind);
    }
    return out;
}

std::string sha256Hex(const std::string& bytes) {
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return hex(h, sizeof h);
}

std::string keyId(const unsigned char* pk) {
    return sha256Hex(std::string(reinterpret_cast<const char*>(pk), crypto_sign_PUBLICKEYBYTES))
        .substr(0, 16);
}

/// Hashes of the report's top-level sections, so a failed check can say where the change is.
nlohmann::json sectionHashes(const std::string& reportText) {
    nlohmann::json out = nlohmann::json::object();
    try {
        const auto j = nlohmann::json::parse(reportText);
        if (j.is_object()) {
            for (auto it = j.begin(); it != j.end(); ++it) {
                out[it.key()] = sha256Hex(it.value().dump());
            }
        }
    } catch (const nlohmann::json::exception&) {
        // Not JSON: the signature still covers the bytes; there are just no sections to name.
    }
    return out;
}

std::filesystem::path homeConfig() {
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home ? home : ".") / ".config" / "cinemeasure";
}

}  // namespace

std::filesystem::path defaultKeyDir() {
    if (const char* e = std::getenv("CINEMEASURE_KEYS"); e && *e) {
        return e;
    }
    return homeConfig() / "keys";
}

std::filesystem::path defaultTrustedKeyDir() {
    if (const char* e = std::getenv("CINEMEASURE_TRUSTED_KEYS"); e && *e) {
        return e;
    }
    return homeConfig() / "trusted-keys";
}

std::filesystem::path resolveSecretKey(const std::string& key) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_regular_file(key, ec)) {
        return key;
    }
    // A plain name (what `keygen --name` was given): <key folder>/<name>.key.
    const fs::path given(key);
    if (!key.empty() && !given.has_parent_path()) {
        const fs::path inFolder =
            defaultKeyDir() / (given.extension() == ".key" ? given : fs::path(key + ".key"));
        if (fs::is_regular_file(inFolder, ec)) {
            return inFolder;
        }
        throw errors::InputError("--key: no secret key file '" + key + "', nor " +
                                 inFolder.string() + " (cinemeasure keygen --name " +
                                 given.stem().string() + " creates it)");
    }
    throw errors::InputError("--key: no secret key file " + key);
}

KeyPairFiles generateKeyPair(const std::filesystem::path& dir, const std::string& name) {
    initSodium();
    try {
        requirePlainFileName(name, "key name");  // never a path: keys stay in their folder
    } catch (const std::invalid_argument& e) {
        throw errors::InputError(e.what());
    }
    ensureWritableDirectory(dir);
    KeyPairFiles f{dir / (name + ".key"), dir / (name + ".pub"), {}};
    // symlink_status: a dangling symlink planted at NAME.key counts as existing.
    if (std::filesystem::symlink_status(f.secret_key).type() !=
            std::filesystem::file_type::not_found ||
        std::filesystem::symlink_status(f.public_key).type() !=
            std::filesystem::file_type::not_found) {
        throw errors::StorageError(f.secret_key.string() +
                                   " or .pub already exists; not overwriting a key");
    }
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    try {
        // 0600 from creation, O_EXCL|O_NOFOLLOW, fsync'ed, and published with link() so an
        // existing name (or a symlink raced in) is never written through or replaced.
        TempFile secret(f.secret_key, 0600);
        std::string text = hex(sk, sizeof sk) + "\n";
        sodium_memzero(sk, sizeof sk);
        secret.write(text);
        sodium_memzero(text.data(), text.size());
        TempFile pub(f.public_key, 0644);
        pub.write(hex(pk, sizeof pk) + "\n");
        secret.commitNoReplace();
        pub.commitNoReplace();
    } catch (const std::exception&) {
        sodium_memzero(sk, sizeof sk);
        throw;
    }
    f.key_id = keyId(pk);
    return f;
}

std::filesystem::path signReport(const std::filesystem::path& report,
                                 const std::filesystem::path& secretKey) {
    initSodium();
    const std::string text = readTextFile(report);
    std::string skHex = readTextFile(secretKey);
    auto sk = unhex(skHex, crypto_sign_SECRETKEYBYTES, secretKey.string(), errors::Kind::Input);
    sodium_memzero(skHex.data(), skHex.size());
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_ed25519_sk_to_pk(pk, sk.data());
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(text.data()),
                         text.size(), sk.data());
    sodium_memzero(sk.data(), sk.size());
    nlohmann::ordered_json j;
    j["schema"] = "cinemeasure-signature";
    j["version"] = 1;
    j["algorithm"] = "Ed25519";
    j["signed_file"] = report.filename().string();
    j["sha256"] = sha256Hex(text);
    j["public_key"] = hex(pk, sizeof pk);
    j["key_id"] = keyId(pk);
    j["section_sha256"] = sectionHashes(text);
    j["signature"] = hex(sig, sizeof sig);
    const std::filesystem::path out = report.string() + ".sig";
    writeFileAtomically(out, j.dump(2) + "\n");
    return out;
}

VerifyResult verifyReport(const std::filesystem::path& report,
                          const std::filesystem::path& signature,
                          const std::filesystem::path& trustedDir,
                          const std::filesystem::path& extraKey) {
    initSodium();
    VerifyResult r;
    const std::string text = readTextFile(report);
    const std::filesystem::path sigFile =
        signature.empty() ? std::filesystem::path(report.string() + ".sig") : signature;
    nlohmann::json j;
    try {
        j = util::parseJson(readTextFile(sigFile), sigFile.string());  // never echoes content
        if (j.at("algorithm") != "Ed25519") {
            throw SigningError(sigFile.string() + ": unsupported algorithm");
        }
    } catch (const util::DataError& e) {
        throw SigningError(std::string("not a cinemeasure signature file: ") + e.what());
    } catch (const errors::InputError& e) {
        throw SigningError(e.what());  // a missing or unreadable .sig fails the verification
    } catch (const nlohmann::json::exception& e) {
        throw SigningError(sigFile.string() + ": not a cinemeasure signature file (" + e.what() +
                           ")");
    }
    std::vector<unsigned char> pk;
    std::vector<unsigned char> sig;
    try {
        pk = unhex(j.at("public_key").get<std::string>(), crypto_sign_PUBLICKEYBYTES,
                   sigFile.string());
        sig = unhex(j.at("signature").get<std::string>(), crypto_sign_BYTES, sigFile.string());
    } catch (const nlohmann::json::exception& e) {
        throw SigningError(sigFile.string() + ": not a cinemeasure signature file (" + e.what() +
                           ")");
    }
    r.key_id = keyId(pk.data());
    r.valid =
        crypto_sign_verify_detached(sig.data(), reinterpret_cast<const unsigned char*>(text.data()),
                                    text.size(), pk.data()) == 0;
    // Trust: the signing public key must be one the user has placed among the trusted keys.
    std::vector<std::filesystem::path> candidates;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(trustedDir, ec)) {
        if (e.path().extension() == ".pub") {
            candidates.push_back(e.path());
        }
    }
    if (!extraKey.empty()) {
        candidates.push_back(extraKey);
    }
    for (const auto& c : candidates) {
        try {
            if (unhex(readTextFile(c), crypto_sign_PUBLICKEYBYTES, c.string()) == pk) {
                r.trusted = true;
            }
        } catch (const std::exception&) {
            // An unreadable or malformed key file is not a trusted key; the others still count.
        }
    }
    if (!r.valid) {
        const nlohmann::json now = sectionHashes(text);
        if (j.contains("section_sha256")) {
            for (auto it = j["section_sha256"].begin(); it != j["section_sha256"].end(); ++it) {
                if (!now.contains(it.key()) || now[it.key()] != it.value()) {
                    r.changed_sections.push_back(it.key());
                }
            }
            for (auto it = now.begin(); it != now.end(); ++it) {
                if (!j["section_sha256"].contains(it.key())) {
                    r.changed_sections.push_back(it.key() + " (added)");
                }
            }
        }
        std::string where;
        for (const auto& s : r.changed_sections) {
            where += (where.empty() ? "" : ", ") + s;
        }
        r.message = report.string() + ": NOT VALID — the report was changed after it was signed" +
                    (where.empty() ? "" : " (changed: " + where + ")");
    } else if (!r.trusted) {
        r.message = report.string() + ": signature intact but key " + r.key_id +
                    " is not among the trusted keys in " + trustedDir.string();
    } else {
        r.message = report.string() + ": valid signature by trusted key " + r.key_id;
    }
    return r;
}

}  // namespace cm::app
