#!/bin/sh
http -A bearer -a "$HAWZU_TOKEN" https://api.hawzu.com/api/v1/me
http -A bearer -a YgiHBSpRcug4iYtroxxNtfxmRLy5gIxkbvwR7m https://api.github.com/user
