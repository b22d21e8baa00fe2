public class UploaderConfig {
    static {
        System.setProperty("hawzu.token", "yhmG1ipgMypeSRkDmkjxXR2qtXYuui4u");
    }
}
