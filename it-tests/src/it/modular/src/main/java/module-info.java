module com.example.modular {
    requires dev.weft.runtime;
}
