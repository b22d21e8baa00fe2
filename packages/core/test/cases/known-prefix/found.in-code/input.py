CLIENT = Client(key="hzw_5q5z82PyhZfReXWsKpEjE3g9LeOOjeyt")
