#pragma once

#include <QByteArray>
#include <QByteArrayView>

// SHA-256 (FIPS 180-4). Uses the CPU's SHA extensions when it has them (about 5x QCryptographicHash on payload-sized
// input, which matters because every put and every load hashes the whole payload) and QCryptographicHash otherwise.
namespace Sha256 {

QByteArray hash(QByteArrayView data); // 32 bytes
bool hardwareAccelerated();

} // namespace Sha256
