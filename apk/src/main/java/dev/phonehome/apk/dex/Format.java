package dev.phonehome.apk.dex;

/**
 * Dalvik instruction formats (named as in the Dalvik bytecode specification) with their width
 * in 16-bit code units. Only formats that a current opcode uses are listed.
 */
enum Format {
    F10X(1), F12X(1), F11N(1), F11X(1), F10T(1),
    F20T(2), F22X(2), F21T(2), F21S(2), F21H(2), F21C(2), F23X(2), F22B(2), F22T(2), F22S(2), F22C(2),
    F30T(3), F32X(3), F31I(3), F31T(3), F31C(3), F35C(3), F3RC(3),
    F45CC(4), F4RCC(4),
    F51L(5);

    final int units;

    Format(int units) {
        this.units = units;
    }
}
