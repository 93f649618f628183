package io.github.infisicalci.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** IP address literals and CIDR ranges for {@code NO_PROXY}; never resolves a host name. */
final class IpLiterals {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private IpLiterals() {
  }

  /** The address bytes of an IPv4 or IPv6 literal (without brackets), or {@code null} for anything else. */
  static byte[] parse(String s) {
    if (IPV4.matcher(s).matches()) {
      String[] parts = s.split("\\.");
      byte[] out = new byte[4];
      for (int i = 0; i < 4; i++) {
        int v = Integer.parseInt(parts[i]);
        if (v > 255) {
          return null;
        }
        out[i] = (byte) v;
      }
      return out;
    }
    if (s.indexOf(':') >= 0 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
      try {
        return InetAddress.getByName(s).getAddress(); // a literal: parsed, not looked up
      } catch (UnknownHostException e) {
        return null;
      }
    }
    return null;
  }

  /** Whether {@code address} lies in {@code cidr} ({@code 10.0.0.0/8}, {@code fd00::/8}); false when malformed. */
  static boolean inRange(String cidr, byte[] address) {
    int slash = cidr.indexOf('/');
    if (slash <= 0 || slash == cidr.length() - 1 || !cidr.substring(slash + 1).chars().allMatch(Character::isDigit)
        || cidr.length() - slash > 4) {
      return false;
    }
    String net = cidr.substring(0, slash);
    byte[] network = parse(net.startsWith("[") && net.endsWith("]") ? net.substring(1, net.length() - 1) : net);
    int prefix = Integer.parseInt(cidr.substring(slash + 1));
    if (network == null || network.length != address.length || prefix > network.length * 8) {
      return false;
    }
    int whole = prefix / 8;
    if (!Arrays.equals(network, 0, whole, address, 0, whole)) {
      return false;
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (network[whole] & mask) == (address[whole] & mask);
  }
}
