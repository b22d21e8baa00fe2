#!/bin/sh
pulumi stack select prod
pulumi config set --secret hawzu:token L8g7tUrPLV3c7ZrNxKZuUQi6Lxm41JrhZ16u96
pulumi config set hawzu:apiToken nUSzM9uYhI4XgrxqtUcxeuZkRmqFOzdmQCmL3n
