;;; alembic-ls.el --- Alembic migrations language server for eglot and lsp-mode  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages, tools, python
;; URL: https://github.com/alembic-ls/alembic-ls

;;; Commentary:

;; alembic-ls checks Alembic (SQLAlchemy) migrations: revision graph problems, non-idempotent
;; operations, with quick fixes.  This file registers the `alembic-ls serve' binary with
;; eglot and with lsp-mode, and adds three commands:
;;
;;   M-x alembic-ls-create-merge-migration   merge the current heads (a new migration file)
;;   M-x alembic-ls-refresh-database         re-read the live database
;;   M-x alembic-ls-show-graph               the revision graph, one line per revision
;;
;; eglot (elpa-eglot 1.9 or Emacs 29+):
;;   (require 'alembic-ls)
;;   (alembic-ls-eglot-setup)
;;   (add-hook 'python-mode-hook #'eglot-ensure)
;;
;; eglot runs one server per major mode: in a project with alembic.ini (or a pyproject.toml
;; with [tool.alembic]) Python buffers get alembic-ls, elsewhere `alembic-ls-eglot-fallback'.
;;
;; lsp-mode (8.0+), where alembic-ls runs as an add-on next to your usual Python server:
;;   (require 'alembic-ls)
;;   (alembic-ls-lsp-setup)
;;   (add-hook 'python-mode-hook #'lsp-deferred)

;;; Code:

(require 'cl-lib)
(require 'project)
(require 'url-util)

(defgroup alembic-ls nil
  "Alembic migrations language server."
  :group 'tools
  :prefix "alembic-ls-")

(defcustom alembic-ls-command '("alembic-ls" "serve" "--stdio")
  "The command line that starts the server."
  :type '(repeat string))

(defcustom alembic-ls-settings nil
  "Settings sent to the server.
The keys of [tool.alembic-ls] in pyproject.toml, as a plist such as
(:select [\"ALM\"] :ignore [\"ALM107\"])."
  :type 'plist)

(defcustom alembic-ls-eglot-fallback '("pylsp")
  "The eglot contact for Python buffers outside an Alembic project."
  :type '(repeat string))

(defconst alembic-ls--modes '(python-mode python-ts-mode)
  "Major modes alembic-ls serves.")

(defun alembic-ls-project-root (&optional file)
  "The Alembic project directory above FILE.
The closest one holding alembic.ini, or a pyproject.toml with [tool.alembic]."
  (let ((start (or file buffer-file-name default-directory)))
    (when start
      (locate-dominating-file
       start
       (lambda (dir)
         (or (file-exists-p (expand-file-name "alembic.ini" dir))
             (let ((pyproject (expand-file-name "pyproject.toml" dir)))
               (and (file-readable-p pyproject)
                    (with-temp-buffer
                      (insert-file-contents pyproject)
                      (re-search-forward "^[ \t]*\\[tool\\.alembic\\]" nil t))))))))))

(defun alembic-ls--project-find (dir)
  "A project.el backend: the Alembic project around DIR.
Added last, so version-control projects win."
  (let ((root (alembic-ls-project-root dir)))
    (when root (cons 'transient (expand-file-name root)))))

(defun alembic-ls--uri (path)
  "The file URI of PATH."
  (concat "file://" (url-hexify-string (expand-file-name path) url-path-allowed-chars)))

;;;; eglot

(defun alembic-ls--eglot-contact (&optional _interactive)
  "The eglot contact of the current buffer: alembic-ls in an Alembic project."
  (if (alembic-ls-project-root) alembic-ls-command alembic-ls-eglot-fallback))

(defvar eglot-server-programs)
(defvar eglot-workspace-configuration)

;;;###autoload
(defun alembic-ls-eglot-setup ()
  "Register alembic-ls with eglot for `python-mode' buffers of Alembic projects."
  (add-hook 'project-find-functions #'alembic-ls--project-find 90)
  (with-eval-after-load 'eglot
    (add-to-list 'eglot-server-programs (cons alembic-ls--modes #'alembic-ls--eglot-contact))
    (when alembic-ls-settings
      (setq-default eglot-workspace-configuration
                    (cons (cons :alembic-ls alembic-ls-settings)
                          (default-value 'eglot-workspace-configuration))))))

;;;; lsp-mode

(declare-function lsp-register-client "lsp-mode")
(declare-function make-lsp-client "lsp-mode")
(declare-function lsp-stdio-connection "lsp-mode")
(declare-function lsp-request "lsp-mode")
(declare-function lsp-workspaces "lsp-mode")
(declare-function lsp--workspace-server-id "lsp-mode")
(declare-function eglot-current-server "eglot")
(declare-function eglot-execute-command "eglot")
(declare-function jsonrpc-request "jsonrpc")

;;;###autoload
(defun alembic-ls-lsp-setup ()
  "Register alembic-ls with lsp-mode, as an add-on next to other Python servers."
  (add-hook 'project-find-functions #'alembic-ls--project-find 90)
  (with-eval-after-load 'lsp-mode
    (lsp-register-client
     (make-lsp-client
      :new-connection (lsp-stdio-connection (lambda () alembic-ls-command))
      :major-modes alembic-ls--modes
      :activation-fn (lambda (file mode)
                       (and (memq mode alembic-ls--modes) (alembic-ls-project-root file) t))
      :add-on? t
      :priority -2
      :server-id 'alembic-ls
      :initialization-options (lambda () alembic-ls-settings)))))

;;;; Commands

(defun alembic-ls--eglot-server ()
  "The eglot server of the current buffer, if it is alembic-ls."
  (and (fboundp 'eglot-current-server) (eglot-current-server)))

(defun alembic-ls--lsp-active-p ()
  "Whether lsp-mode runs alembic-ls for the current buffer."
  (and (fboundp 'lsp-workspaces)
       (cl-some (lambda (w) (eq (lsp--workspace-server-id w) 'alembic-ls)) (lsp-workspaces))))

(defun alembic-ls--request (method params)
  "Send METHOD with PARAMS to the buffer's alembic-ls through eglot or lsp-mode."
  (cond ((alembic-ls--lsp-active-p) (lsp-request method params))
        ((alembic-ls--eglot-server) (jsonrpc-request (alembic-ls--eglot-server) (intern (concat ":" method)) params))
        (t (user-error "alembic-ls is not running for this buffer"))))

(defun alembic-ls--execute (command)
  "Run the server COMMAND for the current buffer's file."
  (alembic-ls--request "workspace/executeCommand"
                       (list :command command
                             :arguments (vector (list :uri (alembic-ls--uri (or buffer-file-name default-directory)))))))

;;;###autoload
(defun alembic-ls-create-merge-migration ()
  "Create the merge migration of the current heads, like `alembic merge heads'."
  (interactive)
  (alembic-ls--execute "alembic-ls.createMergeMigration"))

;;;###autoload
(defun alembic-ls-refresh-database ()
  "Re-read the live database: applied revisions and live schema."
  (interactive)
  (alembic-ls--execute "alembic-ls.refreshDatabase"))

(defun alembic-ls--get (object key)
  "KEY (a string) of OBJECT, a plist (eglot) or hash table (lsp-mode)."
  (if (hash-table-p object) (gethash key object) (plist-get object (intern (concat ":" key)))))

;;;###autoload
(defun alembic-ls-show-graph ()
  "Show the revision graph: one line per revision, in `grep-mode' (RET visits it)."
  (interactive)
  (let* ((graph (alembic-ls--request "alembic-ls/graph" nil))
         (parents (make-hash-table :test 'equal)))
    (mapc (lambda (edge)
            (push (alembic-ls--get edge "from")
                  (gethash (format "%s:%s" (alembic-ls--get edge "environment") (alembic-ls--get edge "to")) parents)))
          (alembic-ls--get graph "edges"))
    (with-current-buffer (get-buffer-create "*alembic-ls graph*")
      (let ((inhibit-read-only t))
        (erase-buffer)
        (mapc (lambda (node)
                (let* ((location (alembic-ls--get node "location"))
                       (start (alembic-ls--get (alembic-ls--get location "range") "start"))
                       (id (alembic-ls--get node "id"))
                       (from (gethash (format "%s:%s" (alembic-ls--get node "environment") id) parents))
                       (marks (delq nil (list (and (eq (alembic-ls--get node "isHead") t) "head")
                                              (and (eq (alembic-ls--get node "isMergePoint") t) "merge")
                                              (and (eq (alembic-ls--get node "isBase") t) "base")))))
                  (insert (format "%s:%d: %s <- %s%s %s\n"
                                  (url-unhex-string (replace-regexp-in-string "\\`file://" "" (alembic-ls--get location "uri")))
                                  (1+ (alembic-ls--get start "line"))
                                  id (if from (string-join (reverse from) ", ") "(base)")
                                  (if marks (format " [%s]" (string-join marks ", ")) "")
                                  (or (alembic-ls--get node "message") "")))))
              (alembic-ls--get graph "nodes"))
        (grep-mode))
      (display-buffer (current-buffer)))))

(provide 'alembic-ls)
;;; alembic-ls.el ends here
