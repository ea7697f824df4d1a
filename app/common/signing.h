// SPDX-License-Identifier: Apache-2.0
// Ed25519 report signatures (libsodium): detached, over the exact bytes of the report file.
#pragma once

#include "libmeasure/errors.h"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace cm::app {

/// A signature or key that cannot be used: a verification failure unless the caller says the key
/// was the user's input (a bad secret key given to `sign`).
class SigningError : public errors::VerificationError {
public:
    explicit SigningError(const std::string& message,
                          errors::Kind kind = errors::Kind::Verification)
        : errors::VerificationError(message), kind_(kind) {}
    errors::Kind errorKind() const noexcept override { return kind_; }

private:
    errors::Kind kind_;
};

struct KeyPairFiles {
    std::filesystem::path secret_key;  ///< mode 0600
    std::filesystem::path public_key;
    std::string key_id;  ///< first 16 hex digits of SHA-256(public key)
};

/// Generates a key pair as <dir>/<name>.key (secret, 0600) and <dir>/<name>.pub. Refuses to
/// overwrite existing files.
KeyPairFiles generateKeyPair(const std::filesystem::path& dir, const std::string& name);

/// Signs the report file's bytes; writes <report>.sig (JSON: algorithm, public key, key id,
/// signature, and SHA-256 of each top-level report section to point at what changed later).
std::filesystem::path signReport(const std::filesystem::path& report,
                                 const std::filesystem::path& secret_key);

struct VerifyResult {
    bool valid = false;    ///< signature matches the bytes
    bool trusted = false;  ///< the signing key is among the trusted keys
    std::string key_id;
    std::vector<std::string> changed_sections;  ///< when invalid: sections whose hash differs
    std::string message;                        ///< one line for the user
};

/// Checks <report>.sig (or `signature`) against the report and the trusted public keys
/// (*.pub files in `trusted_dir`, plus `extra_public_key` if given).
VerifyResult verifyReport(const std::filesystem::path& report,
                          const std::filesystem::path& signature,
                          const std::filesystem::path& trusted_dir,
                          const std::filesystem::path& extra_public_key = {});

/// The secret key `sign --key` names: a file, or a plain name as given to keygen, looked up as
/// <defaultKeyDir()>/<name>.key. Throws errors::InputError naming where it looked.
std::filesystem::path resolveSecretKey(const std::string& key);

/// Default key folders: $CINEMEASURE_KEYS or ~/.config/cinemeasure/keys, and
/// ~/.config/cinemeasure/trusted-keys (or $CINEMEASURE_TRUSTED_KEYS).
std::filesystem::path defaultKeyDir();
std::filesystem::path defaultTrustedKeyDir();

}  // namespace cm::app
