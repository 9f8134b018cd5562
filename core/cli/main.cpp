#include <cstdio>
int main() { std::puts("eic"); return 0; }
