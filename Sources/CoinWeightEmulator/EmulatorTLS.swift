import Crypto
import Foundation
import SwiftASN1
import X509

/// The certificate an emulator serves HTTPS with: a leaf for the loopback names, signed by a
/// certificate authority made for it, whose certificate a client adds to its trust (only a
/// client told to trust that CA accepts the emulator).
public struct EmulatorTLS: Sendable {
    /// The server's certificate, PEM.
    public let certificatePEM: String
    /// The server certificate's private key, PEM (PKCS#8).
    public let privateKeyPEM: String
    /// The certificate of the authority that signed it, PEM: what a client trusts.
    public let caCertificatePEM: String

    /// A new CA and a leaf it signed for `localhost`, `127.0.0.1`, `::1` and `host`, valid from
    /// an hour ago for 30 days. Each call makes new keys.
    public static func selfSigned(host: String = "127.0.0.1", now: Date = Date()) throws -> EmulatorTLS {
        let caKey = P256.Signing.PrivateKey()
        let caName = try DistinguishedName {
            OrganizationName("cwsync")
            CommonName("cwsync emulator CA")
        }
        let validFrom = now.addingTimeInterval(-3_600)
        let validUntil = now.addingTimeInterval(30 * 86_400)
        let ca = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(caKey.publicKey),
            notValidBefore: validFrom, notValidAfter: validUntil, issuer: caName, subject: caName,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: Certificate.PrivateKey(caKey))

        let leafKey = P256.Signing.PrivateKey()
        var names: [GeneralName] = [
            .dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
            .ipAddress(ASN1OctetString(contentBytes: ArraySlice(repeating: 0, count: 15) + [1])),
        ]
        if let address = Self.ipv4Bytes(host), address != [127, 0, 0, 1] {
            names.append(.ipAddress(ASN1OctetString(contentBytes: ArraySlice(address))))
        } else if Self.ipv4Bytes(host) == nil, !host.contains(":"), host != "localhost" {
            names.append(.dnsName(host))
        }
        let leaf = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(leafKey.publicKey),
            notValidBefore: validFrom, notValidAfter: validUntil, issuer: caName,
            subject: try DistinguishedName { CommonName("localhost") },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names)
            },
            issuerPrivateKey: Certificate.PrivateKey(caKey))
        return EmulatorTLS(
            certificatePEM: try leaf.serializeAsPEM().pemString, privateKeyPEM: leafKey.pemRepresentation,
            caCertificatePEM: try ca.serializeAsPEM().pemString)
    }

    /// The four bytes of a dotted IPv4 address, or `nil`.
    private static func ipv4Bytes(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map { UInt8($0) }
        guard parts.count == 4, parts.allSatisfy({ $0 != nil }) else { return nil }
        return parts.compactMap(\.self)
    }
}
