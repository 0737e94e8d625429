import { Eye, EyeSlash } from "@medusajs/icons"
import { clx } from "@medusajs/ui"
import { forwardRef, useState, type InputHTMLAttributes } from "react"
import { useTranslation } from "react-i18next"

/**
 * The look of Medusa UI's `Input` (size "base", room for the toggle on the
 * right). Its password mode labels the toggle in English only, so the
 * password field is built here with the same classes.
 */
const INPUT_CLASSES = clx(
  "caret-ui-fg-base bg-ui-bg-field hover:bg-ui-bg-field-hover shadow-borders-base placeholder-ui-fg-muted text-ui-fg-base transition-fg relative w-full appearance-none rounded-md outline-none",
  "focus-visible:shadow-borders-interactive-with-active",
  "disabled:text-ui-fg-disabled disabled:!bg-ui-bg-disabled disabled:placeholder-ui-fg-disabled disabled:cursor-not-allowed",
  "aria-[invalid=true]:!shadow-borders-error invalid:!shadow-borders-error",
  "txt-compact-small h-8 px-2 py-1.5 pr-8"
)

type PasswordInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type">

/** A password field with a "Show password" toggle in the dashboard's language. */
export const PasswordInput = forwardRef<HTMLInputElement, PasswordInputProps>(
  ({ className, ...props }, ref) => {
    const { t } = useTranslation()
    const [isVisible, setIsVisible] = useState(false)

    return (
      <div className="relative">
        <input
          ref={ref}
          type={isVisible ? "text" : "password"}
          className={clx(INPUT_CLASSES, className)}
          {...props}
        />
        <div className="absolute bottom-0 right-0 flex h-8 w-8 items-center justify-center border-l">
          <button
            type="button"
            className="text-ui-fg-muted hover:text-ui-fg-base focus-visible:text-ui-fg-base focus-visible:shadow-borders-interactive-w-focus active:text-ui-fg-base h-fit w-fit rounded-sm outline-none transition-all"
            onClick={() => setIsVisible((visible) => !visible)}
          >
            <span className="sr-only">
              {isVisible
                ? t("customerAccounts.common.hidePassword")
                : t("customerAccounts.common.showPassword")}
            </span>
            {isVisible ? <EyeSlash /> : <Eye />}
          </button>
        </div>
      </div>
    )
  }
)

PasswordInput.displayName = "PasswordInput"
