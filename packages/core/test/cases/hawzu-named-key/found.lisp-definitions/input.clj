;; Clojure and Emacs Lisp definitions
(def hawzu-token "kaiGze0hm5k1TeJLagHF9DjgwE875qGD3nIu")
(setq hawzu-api-token "SMd9VTjWonVizZaEbEh4yGSSTdVS7ZzDI7CI")
