const sdk = require("hawzu-sdk");
sdk.setHawzuToken('Xn84ZoH7tqGeYHWk2d4sfwgJrr7r');
