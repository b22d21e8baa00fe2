#!/bin/sh
pulumi config set hawzu:project P1
pulumi config set --secret hawzu:token "$HAWZU_TOKEN"
pulumi config get hawzu:token
