#include "crypto/crypto.hpp"

namespace eic::crypto {
namespace {
const Crypto* installed = nullptr;
}  // namespace

const Crypto* platform() { return installed; }
void install_platform(const Crypto* crypto) { installed = crypto; }

}  // namespace eic::crypto
