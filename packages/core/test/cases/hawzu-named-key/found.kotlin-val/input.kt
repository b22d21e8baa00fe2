object Secrets {
    const val HAWZU_API_KEY = "vuVhvjumA1dc2Vza28BtjLcFXLPkZkH3vJYH"
}
