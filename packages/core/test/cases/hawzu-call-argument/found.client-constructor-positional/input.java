public class Upload {
    public static void main(String[] args) {
        HawzuClient client = new HawzuClient("https://api.hawzu.com", "6HZoLRcgTGxIe4MY62c7ZPk2oxe0FQwr");
        client.uploadResults("ws_001", "proj_101", args[0]);
    }
}
