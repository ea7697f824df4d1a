// SPDX-License-Identifier: Apache-2.0
// The floor of the start-up benchmarks: an empty C++ program, built with the project's flags.
int main() {
    return 0;
}
